package io.unum.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes markup for {@code unum report}: escaping for HTML and XML alike, numbers independent of
 * the default locale, and a small builder of SVG elements. Everything it writes is well-formed
 * XML (every element closed, every attribute quoted and escaped), so a page built from it parses
 * as XHTML.
 *
 * <p>Not thread-safe; one builder per chart.
 */
final class Svg {

    private final StringBuilder out = new StringBuilder(4096);

    /**
     * Opens an {@code <svg>} element of this size in user units that scales to its container's
     * width.
     *
     * @param label the accessible name, also shown as a tooltip
     */
    Svg(String cssClass, double width, double height, String label) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").append(escape(cssClass))
                .append("\" viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height))
                .append("\" width=\"100%\" role=\"img\" aria-label=\"").append(escape(label)).append("\">")
                .append("<title>").append(escape(label)).append("</title>\n");
    }

    /** Escapes text for element content and attribute values; replaces characters XML forbids. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        escaped.append(c).append(text.charAt(++i));
                    } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c > 0xDFFF && c < 0xFFFE)) {
                        escaped.append(c);
                    } else {
                        escaped.append('\uFFFD'); // control character, lone surrogate or non-character
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** A coordinate: one decimal, a dot, no {@code -0.0}. */
    static String num(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return "-0.0".equals(text) ? "0.0" : text;
    }

    /** A number for people: {@code places} decimals with a dot. */
    static String fixed(double value, int places) {
        String text = String.format(Locale.ROOT, "%." + places + "f", value);
        return text.matches("-0\\.?0*") ? text.substring(1) : text;
    }

    /** A signed number for people: {@code +1.25}, {@code −0.50} (with a real minus sign). */
    static String signed(double value, int places) {
        String text = fixed(Math.abs(value), places);
        if (text.matches("0\\.?0*")) {
            return "\u00B1" + text;
        }
        return (value < 0 ? "\u2212" : "+") + text;
    }

    /** {@link #fixed} with a real minus sign, for people. */
    static String minus(double value, int places) {
        return fixed(value, places).replace('-', '\u2212');
    }

    /** A count with thousands separators (commas), independent of the locale. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Opens a group. */
    Svg open(String cssClass, String... attributes) {
        out.append("<g");
        attribute("class", cssClass);
        attributes(attributes);
        out.append(">\n");
        return this;
    }

    /** Closes the last group. */
    Svg close() {
        out.append("</g>\n");
        return this;
    }

    /** A rectangle; a negative width or height is drawn from the other corner. */
    Svg rect(double x, double y, double width, double height, String cssClass, String tooltip, String... attributes) {
        double left = width < 0 ? x + width : x;
        double top = height < 0 ? y + height : y;
        out.append("<rect x=\"").append(num(left)).append("\" y=\"").append(num(top)).append("\" width=\"")
                .append(num(Math.abs(width))).append("\" height=\"").append(num(Math.abs(height))).append('"');
        attribute("class", cssClass);
        attributes(attributes);
        return tooltip(tooltip, "rect");
    }

    /** A line. */
    Svg line(double x1, double y1, double x2, double y2, String cssClass, String... attributes) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append('"');
        attribute("class", cssClass);
        attributes(attributes);
        out.append("/>\n");
        return this;
    }

    /** A polyline through the points {@code x0, y0, x1, y1, ...}; nothing for fewer than two points. */
    Svg polyline(List<double[]> points, String cssClass, String tooltip) {
        if (points.size() < 2) {
            return this;
        }
        List<String> coordinates = new ArrayList<>(points.size());
        for (double[] p : points) {
            coordinates.add(num(p[0]) + "," + num(p[1]));
        }
        out.append("<polyline points=\"").append(String.join(" ", coordinates)).append('"');
        attribute("class", cssClass);
        return tooltip(tooltip, "polyline");
    }

    /** A circle. */
    Svg circle(double x, double y, double r, String cssClass, String tooltip, String... attributes) {
        out.append("<circle cx=\"").append(num(x)).append("\" cy=\"").append(num(y)).append("\" r=\"").append(num(r))
                .append('"');
        attribute("class", cssClass);
        attributes(attributes);
        return tooltip(tooltip, "circle");
    }

    /**
     * Text.
     *
     * @param anchor {@code start}, {@code middle} or {@code end}
     */
    Svg text(double x, double y, String anchor, String cssClass, String text, String... attributes) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append('"');
        if (!"start".equals(anchor)) {
            attribute("text-anchor", anchor);
        }
        attribute("class", cssClass);
        attributes(attributes);
        out.append('>').append(escape(text)).append("</text>\n");
        return this;
    }

    /** Markup written as is; only for constant, well-formed fragments such as pattern definitions. */
    Svg raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Closes the {@code <svg>} element and returns the markup. */
    String finish() {
        return out.append("</svg>\n").toString();
    }

    private Svg tooltip(String tooltip, String element) {
        if (tooltip == null || tooltip.isEmpty()) {
            out.append("/>\n");
        } else {
            out.append("><title>").append(escape(tooltip)).append("</title></").append(element).append(">\n");
        }
        return this;
    }

    private void attribute(String name, String value) {
        if (value != null && !value.isEmpty()) {
            out.append(' ').append(name).append("=\"").append(escape(value)).append('"');
        }
    }

    /** Name-value pairs. */
    private void attributes(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name-value pairs, got " + pairs.length + " strings");
        }
        for (int i = 0; i < pairs.length; i += 2) {
            attribute(pairs[i], pairs[i + 1]);
        }
    }

    /**
     * A linear map from a data interval onto a drawing interval, with round ticks.
     *
     * @param d0 data start
     * @param d1 data end, different from {@code d0}
     * @param r0 drawing coordinate of {@code d0}
     * @param r1 drawing coordinate of {@code d1}
     */
    record Scale(double d0, double d1, double r0, double r1) {

        Scale {
            if (!(d1 != d0) || !Double.isFinite(d0) || !Double.isFinite(d1)) {
                throw new IllegalArgumentException("scale needs a finite, non-empty domain, was " + d0 + ".." + d1);
            }
        }

        double at(double value) {
            return r0 + (value - d0) / (d1 - d0) * (r1 - r0);
        }

        /** Ticks at a round step (1, 2 or 5 times a power of ten) giving about {@code count} of them. */
        List<Double> ticks(int count) {
            double step = niceStep(Math.abs(d1 - d0) / Math.max(1, count));
            double lo = Math.min(d0, d1);
            double hi = Math.max(d0, d1);
            List<Double> ticks = new ArrayList<>();
            for (long i = (long) Math.ceil(lo / step - 1e-9); i * step <= hi + step * 1e-9; i++) {
                ticks.add(i * step);
            }
            return ticks;
        }
    }

    /** The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least {@code rough}: the histogram's own rounding. */
    static double niceStep(double rough) {
        return io.unum.evaluation.WeightHistogram.niceStep(rough);
    }
}

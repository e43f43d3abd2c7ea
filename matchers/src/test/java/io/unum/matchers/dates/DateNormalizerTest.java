package io.unum.matchers.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.matchers.compare.Samples;
import io.unum.matchers.dates.DateNormalizer.DayMonthOrder;
import io.unum.spi.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DateNormalizerTest {

    private final DateNormalizer dates = Dates.normalizer();

    @Test
    void rejectionsTellAPlaceholderFromAnImpossibleDateWithoutTheValue() {
        DateNormalizer dates = DateNormalizer.builder().build();
        for (String placeholder : new String[] {"1900-01-01", "01/01/1900", "11/11/1911", "9999-12-31"}) {
            assertNull(dates.normalize(placeholder), placeholder);
            assertTrue(dates.rejection(placeholder).placeholder(), placeholder);
        }
        for (String malformed : new String[] {"1984-02-30", "31/31/1984", "1799-12-01", "soon"}) {
            assertNull(dates.normalize(malformed), malformed);
            Normalizer.Rejection rejection = dates.rejection(malformed);
            assertFalse(rejection.placeholder(), malformed);
            assertFalse(rejection.expected().contains(malformed), rejection.expected());
        }
        assertNull(dates.rejection("  "), "a blank value is not reported");
    }

    @Test
    void isoAndCompactForms() {
        assertEquals("1984-03-07", dates.normalize("1984-03-07"));
        assertEquals("1984-03-07", dates.normalize(" 1984/3/7 "));
        assertEquals("1984-03-07", dates.normalize("1984.03.07"));
        assertEquals("1984-03-07", dates.normalize("19840307"));
        assertEquals("1984-03-07", dates.normalize("1984-03-07T10:15:00Z"));
        assertEquals("1984-03-07", dates.normalize("1984-03-07 00:00:00"));
    }

    @Test
    void monthNames() {
        assertEquals("1984-03-07", dates.normalize("7 Mar 1984"));
        assertEquals("1984-03-07", dates.normalize("7th March 1984"));
        assertEquals("1984-03-07", dates.normalize("March 7, 1984"));
        assertEquals("1984-03-07", dates.normalize("07-MAR-1984"));
        assertEquals("1984-09-21", dates.normalize("21 Sept 1984"));
        assertEquals("1984-03", dates.normalize("Mar 1984"));
        assertNull(dates.normalize("7 Mar"), "no year");
        assertNull(dates.normalize("7 Marz 1984"), "English month names only");
        assertNull(dates.normalize("March April 1984"));
    }

    @Test
    void ambiguityPolicy() {
        assertEquals(DayMonthOrder.DAY_FIRST, dates.order());
        assertEquals("1984-07-03", dates.normalize("03/07/1984"));
        assertEquals("1984-03-07", Dates.normalizer(DayMonthOrder.MONTH_FIRST).normalize("03/07/1984"));
        assertNull(Dates.normalizer(DayMonthOrder.REJECT_AMBIGUOUS).normalize("03/07/1984"));
        // unambiguous values are read the only possible way under every policy
        for (DayMonthOrder order : DayMonthOrder.values()) {
            Normalizer n = Dates.normalizer(order);
            assertEquals("1984-03-25", n.normalize("25/03/1984"), order.name());
            assertEquals("1984-03-25", n.normalize("03/25/1984"), order.name());
            assertEquals("1984-05-05", n.normalize("05/05/1984"), order.name());
        }
        assertEquals("1984-07-03", dates.normalize("3.7.1984"));
        assertNull(dates.normalize("13/13/1984"));
    }

    @Test
    void partialDates() {
        assertEquals("1984", dates.normalize("1984"));
        assertEquals("1984-03", dates.normalize("1984-03"));
        assertEquals("1984-03", dates.normalize("03/1984"));
        assertNull(dates.normalize("1984-13"));
    }

    @Test
    void twoDigitYears() {
        assertNull(dates.normalize("07/03/84"), "rejected without a pivot");
        DateNormalizer pivot = DateNormalizer.builder().twoDigitYearPivot(2025).build();
        assertEquals("1984-03-07", pivot.normalize("07/03/84"));
        assertEquals("2019-03-07", pivot.normalize("07/03/19"));
        assertEquals("2025-03-07", pivot.normalize("7 Mar 25"));
        assertEquals("1926-03-07", pivot.normalize("07/03/26"));
    }

    @Test
    void impossibleAndPlaceholderDates() {
        assertNull(dates.normalize("1984-02-30"));
        assertEquals("1984-02-29", dates.normalize("1984-02-29"));
        assertNull(dates.normalize("1900-02-29"), "1900 is not a leap year");
        assertEquals("2000-02-29", dates.normalize("2000-02-29"));
        for (String placeholder : new String[] {"1900-01-01", "01/01/1900", "1970-01-01", "19700101", "1 Jan 1901",
            "9999-12-31", "1899-12-31", "11/11/1911", "1911-11-11"}) {
            assertNull(dates.normalize(placeholder), placeholder);
        }
        assertNull(dates.normalize("1799-12-01"), "outside the default year range");
        DateNormalizer custom = DateNormalizer.builder().placeholders("2000-01-01").years(1900, 2030).build();
        assertNull(custom.normalize("2000-01-01"));
        assertNull(custom.normalize("2031-01-02"));
        assertEquals("2000-01-02", custom.normalize("2000-01-02"));
        assertThrows(IllegalArgumentException.class, () -> DateNormalizer.builder().placeholders("Jan 1 2000"));
        assertThrows(IllegalArgumentException.class, () -> DateNormalizer.builder().years(2000, 1900));
        assertThrows(IllegalStateException.class,
                () -> DateNormalizer.builder().order(DayMonthOrder.DAY_FIRST).order(DayMonthOrder.MONTH_FIRST));
    }

    @Test
    void garbage() {
        for (String s : new String[] {"", "   ", "unknown", "n/a", "1984-03-07-01", "123456", "12345/12/12",
            "7 Mar 1984 extra", "😀", "1984-03-07\u202E"}) {
            assertNull(dates.normalize(s), s);
        }
        for (String s : Samples.hostile()) {
            dates.normalize(s);
        }
    }

    @Test
    void roundTripsEveryDayInAWideRangeAndManyFormats() {
        Random random = new Random(17);
        DateTimeFormatter[] formats = {DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.BASIC_ISO_DATE,
            DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT), DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ROOT),
            DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ROOT), DateTimeFormatter.ofPattern("d.M.uuuu", Locale.ROOT)};
        for (int i = 0; i < 20_000; i++) {
            LocalDate date = LocalDate.of(1850, 1, 1).plusDays(random.nextInt(365 * 200));
            String expected = date.toString();
            if (expected.equals("1900-01-01") || expected.equals("1901-01-01") || expected.equals("1970-01-01")
                    || expected.equals("1899-12-30") || expected.equals("1899-12-31") || expected.equals("1911-11-11")) {
                continue;
            }
            DateTimeFormatter format = formats[random.nextInt(formats.length)];
            String written = date.format(format);
            assertEquals(expected, dates.normalize(written), written);
        }
    }

    @Test
    void derivedStages() {
        assertEquals("1984", Dates.year().normalize("1984-03-07"));
        assertEquals("1984-03", Dates.yearMonth().normalize("1984-03-07"));
        assertNull(Dates.yearMonth().normalize("1984"));
        assertEquals("03-07", Dates.monthDay().normalize("1984-03-07"));
        assertNull(Dates.monthDay().normalize("1984-03"));
    }

    @Test
    void isoWritesWhatTheFormatterWrites() {
        for (int year = -5; year <= 10_005; year++) {
            for (int month = 0; month <= 12; month++) {
                for (int day : new int[] {0, 1, 9, 10, 28, 31}) {
                    if (month == 0 && day != 0) {
                        continue;
                    }
                    String expected = month == 0 ? String.format(Locale.ROOT, "%04d", year)
                            : day == 0 ? String.format(Locale.ROOT, "%04d-%02d", year, month)
                            : String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
                    assertEquals(expected, DateNormalizer.iso(year, month, day), year + "/" + month + "/" + day);
                }
            }
        }
    }
}

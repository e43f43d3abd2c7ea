package io.unum.matchers.compare;

import io.unum.spi.FieldComparator;

/**
 * Similarity of two points by great-circle distance, {@code max(0, 1 - d / maxKm)}, with
 * {@code d} from the haversine formula (R. W. Sinnott, "Virtues of the Haversine", Sky and
 * Telescope 68(2), 1984) on a sphere of the mean Earth radius, 6,371.0088 km (IUGG). Points are
 * written {@code "latitude,longitude"} in decimal degrees, e.g. {@code "52.5200,13.4050"}, as
 * produced by {@code Addresses.coordinates()}. Values that do not parse, or lie outside
 * [-90, 90] × [-180, 180], score {@code 1} when equal as strings and {@code 0} otherwise.
 * Allocation-free, immutable, thread-safe; accurate to about 0.5 % (the Earth is not a sphere).
 */
final class GeoDistance implements FieldComparator {

    static final double EARTH_RADIUS_KM = 6371.0088;

    private final double maxKm;

    GeoDistance(double maxKm) {
        this.maxKm = maxKm;
    }

    @Override
    public double compare(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        double similarity = 1.0 - distanceKm(a, b) / maxKm;
        return similarity > 0.0 ? similarity : 0.0; // NaN (unparseable) also gives 0
    }

    /** The distance of two {@code "lat,lon"} points in km, or {@code NaN} if either does not parse. */
    static double distanceKm(String a, String b) {
        int ca = a.indexOf(',');
        int cb = b.indexOf(',');
        if (ca < 0 || cb < 0) {
            return Double.NaN;
        }
        double lat1 = Decimals.parse(a, 0, ca);
        double lon1 = Decimals.parse(a, ca + 1, a.length());
        double lat2 = Decimals.parse(b, 0, cb);
        double lon2 = Decimals.parse(b, cb + 1, b.length());
        if (!valid(lat1, lon1) || !valid(lat2, lon2)) {
            return Double.NaN;
        }
        return haversineKm(lat1, lon1, lat2, lon2);
    }

    private static boolean valid(double lat, double lon) {
        return lat >= -90.0 && lat <= 90.0 && lon >= -180.0 && lon <= 180.0;
    }

    /** Great-circle distance in kilometres; exactly symmetric in its two points. */
    static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = Math.abs(p2 - p1);
        double dl = Math.toRadians(Math.abs(lon2 - lon1));
        double sinP = Math.sin(dp / 2);
        double sinL = Math.sin(dl / 2);
        double h = sinP * sinP + Math.cos(p1) * Math.cos(p2) * sinL * sinL;
        return 2.0 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }

    @Override
    public String toString() {
        return "haversine(" + maxKm + " km)";
    }
}

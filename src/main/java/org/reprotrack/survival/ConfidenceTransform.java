package org.reprotrack.survival;

/**
 * How a pointwise confidence interval of S(t) is built from Greenwood's variance. With
 * {@code g = Σ d/(n(n-d))} over the event times up to t, and z the normal quantile:
 * <ul>
 * <li>{@link #PLAIN}: S ± z·S·√g, clipped to [0, 1];</li>
 * <li>{@link #LOG}: S·exp(±z·√g), clipped to 1 (R {@code survfit}'s default, {@code conf.type = "log"});</li>
 * <li>{@link #LOG_LOG}: exp(−exp(log(−log S) ∓ z·√g / log S)) (R's {@code conf.type = "log-log"},
 * lifelines' "exponential Greenwood"): always inside (0, 1). The dashboard's bands use this one.</li>
 * </ul>
 */
public enum ConfidenceTransform {
    PLAIN, LOG, LOG_LOG;

    /** The interval {lower, upper} of S with Greenwood sum {@code g}; at S = 1 or S = 0 the interval is the point. */
    double[] interval(double s, double g, double z) {
        if (s >= 1.0 || s <= 0.0 || g == 0.0) {
            return new double[] {s, s};
        }
        double root = Math.sqrt(g);
        return switch (this) {
            case PLAIN -> new double[] {Math.max(0, s - z * s * root), Math.min(1, s + z * s * root)};
            case LOG -> new double[] {s * Math.exp(-z * root), Math.min(1, s * Math.exp(z * root))};
            case LOG_LOG -> {
                double centre = Math.log(-Math.log(s));
                double half = z * root / Math.log(s); // negative: log S < 0
                yield new double[] {Math.exp(-Math.exp(centre - half)), Math.exp(-Math.exp(centre + half))};
            }
        };
    }
}

package org.reprotrack.survival;

/** A value with its 95 % bounds; {@code lower}/{@code upper} are NaN when not reached or not estimable. */
public record Estimate(double value, double lower, double upper) {

    static final Estimate NONE = new Estimate(Double.NaN, Double.NaN, Double.NaN);

    /** The value is known. */
    public boolean known() {
        return !Double.isNaN(value);
    }
}

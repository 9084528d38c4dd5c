package org.reprotrack.survival;

/**
 * The figures of one group of links.
 *
 * @param group the group's name ({@code 2021}, {@code cs.CV}, {@code github.com}, {@code promised}, {@code score 4–5})
 * @param curve the fitted curve (times in days)
 * @param median the median survival in days, NaN where the curve does not reach 0.5
 * @param oneYear S(365.25 days)
 * @param threeYears S(3 × 365.25 days)
 * @param fiveYears S(5 × 365.25 days)
 */
public record GroupFigures(String group, SurvivalCurve curve, Estimate median, Estimate oneYear, Estimate threeYears,
        Estimate fiveYears) {

    public static final double YEAR_DAYS = 365.25;

    static GroupFigures of(String group, SurvivalCurve curve) {
        return new GroupFigures(group, curve, curve.median(), curve.at(YEAR_DAYS), curve.at(3 * YEAR_DAYS), curve.at(5 * YEAR_DAYS));
    }
}

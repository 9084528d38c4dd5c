package org.reprotrack.survival;

import java.util.List;

/**
 * A fitted Kaplan–Meier curve: a step function, 1 before the first step.
 *
 * @param subjects how many subjects were observed
 * @param events how many had the event
 * @param lastTime the longest observed time (event or censoring): the curve is not defined beyond it
 * @param steps one per distinct event time, in time order
 */
public record SurvivalCurve(int subjects, int events, double lastTime, List<SurvivalStep> steps) {

    public SurvivalCurve {
        steps = List.copyOf(steps);
    }

    /**
     * S(t) with its bounds; unknown (NaN) beyond the longest observed time, where nothing was
     * observed to say how many are left (R's {@code summary(..., extend = FALSE)} prints nothing there).
     */
    public Estimate at(double t) {
        if (subjects == 0 || t > lastTime) {
            return Estimate.NONE;
        }
        SurvivalStep step = null;
        for (SurvivalStep s : steps) {
            if (s.time() > t) {
                break;
            }
            step = s;
        }
        return step == null ? new Estimate(1, 1, 1) : new Estimate(step.survival(), step.lower(), step.upper());
    }

    /**
     * The median time: the first time S(t) ≤ 0.5 (where S stays at exactly 0.5 over an interval,
     * the midpoint to the next event time, as R's {@code survfit} does), with its 95 % bounds read
     * the same way off the lower and upper bands (Brookmeyer–Crowley style, as R prints them). NaN
     * where a curve never reaches 0.5.
     */
    public Estimate median() {
        return new Estimate(firstAtOrBelowHalf(Band.ESTIMATE), firstAtOrBelowHalf(Band.LOWER), firstAtOrBelowHalf(Band.UPPER));
    }

    private enum Band { ESTIMATE, LOWER, UPPER }

    private double firstAtOrBelowHalf(Band band) {
        for (int i = 0; i < steps.size(); i++) {
            SurvivalStep s = steps.get(i);
            double v = switch (band) {
                case ESTIMATE -> s.survival();
                case LOWER -> s.lower();
                case UPPER -> s.upper();
            };
            if (Math.abs(v - 0.5) < 1e-12 && band == Band.ESTIMATE) {
                return i + 1 < steps.size() ? (s.time() + steps.get(i + 1).time()) / 2 : s.time();
            }
            if (v <= 0.5) {
                return s.time();
            }
        }
        return Double.NaN;
    }
}

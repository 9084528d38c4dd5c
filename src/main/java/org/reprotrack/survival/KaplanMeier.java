package org.reprotrack.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Kaplan–Meier product-limit estimator with Greenwood's variance. At each distinct event
 * time t_i with n_i subjects at risk and d_i events, S(t) = Π (1 − d_i/n_i) over t_i ≤ t and
 * Var S(t) = S(t)² Σ d_i / (n_i (n_i − d_i)). A subject censored at the same time as an event is
 * still at risk at that time (the usual convention: censoring just after the events).
 */
public final class KaplanMeier {

    /** The 97.5 % quantile of the standard normal distribution: two-sided 95 % intervals. */
    public static final double Z95 = 1.959963984540054;

    private KaplanMeier() {
    }

    /**
     * Fits the curve.
     *
     * @param times observed times (event or censoring), any order, not negative
     * @param events whether each subject's time is an event (true) or a censoring (false)
     */
    public static SurvivalCurve fit(double[] times, boolean[] events, ConfidenceTransform transform) {
        if (times.length != events.length) {
            throw new IllegalArgumentException("times and events differ in length: " + times.length + " and " + events.length);
        }
        int n = times.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (!(times[i] >= 0)) {
                throw new IllegalArgumentException("time " + i + " is negative or not a number: " + times[i]);
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(times[a], times[b]));
        List<SurvivalStep> steps = new ArrayList<>();
        int atRisk = n;
        int censoredSince = 0;
        int totalEvents = 0;
        double s = 1.0;
        double greenwood = 0.0;
        int i = 0;
        while (i < n) {
            double t = times[order[i]];
            int d = 0;
            int c = 0;
            while (i < n && times[order[i]] == t) {
                if (events[order[i]]) {
                    d++;
                } else {
                    c++;
                }
                i++;
            }
            if (d > 0) {
                s *= 1.0 - (double) d / atRisk;
                greenwood += d == atRisk ? Double.POSITIVE_INFINITY : (double) d / ((double) atRisk * (atRisk - d));
                double g = Double.isInfinite(greenwood) ? Double.NaN : greenwood;
                double se = s == 0 ? 0 : s * Math.sqrt(g);
                double[] ci = s == 0 ? new double[] {0, 0} : transform.interval(s, g, Z95);
                steps.add(new SurvivalStep(t, atRisk, d, censoredSince + c, s, se, ci[0], ci[1]));
                censoredSince = 0;
                totalEvents += d;
            } else {
                censoredSince += c;
            }
            atRisk -= d + c;
        }
        double last = n == 0 ? 0 : times[order[n - 1]];
        return new SurvivalCurve(n, totalEvents, last, steps);
    }

    /** Fits the curve of these subjects' times and events. */
    public static SurvivalCurve fit(List<Subject> subjects, ConfidenceTransform transform) {
        double[] t = new double[subjects.size()];
        boolean[] e = new boolean[subjects.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = subjects.get(i).days();
            e[i] = subjects.get(i).died();
        }
        return fit(t, e, transform);
    }
}

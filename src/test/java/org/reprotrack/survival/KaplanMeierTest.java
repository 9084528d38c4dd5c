package org.reprotrack.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The estimator against a published worked example: the remission times (weeks) of the 21
 * leukemia patients on 6-mercaptopurine in Freireich et al. (1963), "The effect of
 * 6-mercaptopurine on the duration of steroid-induced remissions in acute leukemia", Blood 21,
 * 699–716 (the 6-MP arm of R's {@code MASS::gehan}; Kleinbaum &amp; Klein, "Survival Analysis: A
 * Self-Learning Text", 3rd ed., ch. 2, table of the 6-MP group; Klein &amp; Moeschberger,
 * "Survival Analysis", 2nd ed., §4.2, Greenwood standard errors). The printed figures, as R's
 * survival package prints them:
 *
 * <pre>
 * summary(survfit(Surv(time, cens) ~ 1, data = gehan, subset = treat == "6-MP"))        # conf.type "log"
 *  time n.risk n.event survival std.err lower 95% CI upper 95% CI
 *     6     21       3    0.857  0.0764        0.720        1.000
 *     7     17       1    0.807  0.0869        0.653        0.996
 *    10     15       1    0.753  0.0963        0.586        0.968
 *    13     12       1    0.690  0.1068        0.510        0.935
 *    16     11       1    0.627  0.1141        0.439        0.896
 *    22      7       1    0.538  0.1282        0.337        0.858
 *    23      6       1    0.448  0.1346        0.249        0.807
 * # conf.type = "log-log" (lifelines' KaplanMeierFitter default, "exponential Greenwood"):
 * #   lower 0.620 0.563 0.503 0.432 0.368 0.268 0.188   upper 0.952 0.923 0.889 0.849 0.805 0.747 0.680
 * # print(fit): n 21, events 9, median 23, 0.95LCL 16, 0.95UCL NA
 * </pre>
 */
class KaplanMeierTest {

    /** Weeks in remission; false: still in remission at the end of the study (censored). */
    static final double[] WEEKS = {6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35};
    static final boolean[] RELAPSED = {true, true, true, false, true, false, true, false, false, true, true, false, false, false,
        true, true, false, false, false, false, false};

    static final double[] TIMES = {6, 7, 10, 13, 16, 22, 23};
    static final int[] AT_RISK = {21, 17, 15, 12, 11, 7, 6};
    static final int[] EVENTS = {3, 1, 1, 1, 1, 1, 1};
    static final double[] SURVIVAL = {0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448};
    static final double[] STD_ERR = {0.0764, 0.0869, 0.0963, 0.1068, 0.1141, 0.1282, 0.1346};
    static final double[] LOG_LOWER = {0.720, 0.653, 0.586, 0.510, 0.439, 0.337, 0.249};
    static final double[] LOG_UPPER = {1.000, 0.996, 0.968, 0.935, 0.896, 0.858, 0.807};
    static final double[] LOGLOG_LOWER = {0.620, 0.563, 0.503, 0.432, 0.368, 0.268, 0.188};
    static final double[] LOGLOG_UPPER = {0.952, 0.923, 0.889, 0.849, 0.805, 0.747, 0.680};

    @Test
    void theSixMpArmGivesThePrintedEstimatesGreenwoodErrorsAndLogIntervals() {
        SurvivalCurve curve = KaplanMeier.fit(WEEKS, RELAPSED, ConfidenceTransform.LOG);
        assertEquals(21, curve.subjects());
        assertEquals(9, curve.events());
        assertEquals(TIMES.length, curve.steps().size());
        for (int i = 0; i < TIMES.length; i++) {
            SurvivalStep s = curve.steps().get(i);
            String at = "week " + TIMES[i];
            assertEquals(TIMES[i], s.time(), at);
            assertEquals(AT_RISK[i], s.atRisk(), at);
            assertEquals(EVENTS[i], s.events(), at);
            assertEquals(SURVIVAL[i], s.survival(), 0.0005, at);
            assertEquals(STD_ERR[i], s.stdErr(), 0.00005, at);
            assertEquals(LOG_LOWER[i], s.lower(), 0.0005, at);
            assertEquals(LOG_UPPER[i], s.upper(), 0.0005, at);
        }
    }

    @Test
    void theLogLogBandsMatchThePrintedOnesAndStayInsideZeroAndOne() {
        SurvivalCurve curve = KaplanMeier.fit(WEEKS, RELAPSED, ConfidenceTransform.LOG_LOG);
        for (int i = 0; i < TIMES.length; i++) {
            SurvivalStep s = curve.steps().get(i);
            assertEquals(LOGLOG_LOWER[i], s.lower(), 0.0005, "week " + TIMES[i]);
            assertEquals(LOGLOG_UPPER[i], s.upper(), 0.0005, "week " + TIMES[i]);
            assertTrue(s.upper() < 1 && s.lower() > 0);
        }
    }

    @Test
    void theMedianAndItsBoundsAreReadOffTheCurveAndTheBands() {
        Estimate median = KaplanMeier.fit(WEEKS, RELAPSED, ConfidenceTransform.LOG).median();
        assertEquals(23, median.value());
        assertEquals(16, median.lower());
        assertTrue(Double.isNaN(median.upper()), "the upper band never reaches 0.5: NA");
    }

    @Test
    void survivalAtATimeIsTheLastStepAtOrBeforeItAndUnknownBeyondTheLastObservation() {
        SurvivalCurve curve = KaplanMeier.fit(WEEKS, RELAPSED, ConfidenceTransform.LOG_LOG);
        assertEquals(1.0, curve.at(5.9).value());
        assertEquals(0.857, curve.at(6).value(), 0.0005);
        assertEquals(0.753, curve.at(12).value(), 0.0005);
        assertEquals(0.503, curve.at(12).lower(), 0.0005);
        assertEquals(0.448, curve.at(35).value(), 0.0005);
        assertFalse(curve.at(36).known(), "nobody was followed past week 35");
    }

    @Test
    void aCurveWhereEverySubjectDiesEndsAtZeroWithoutABand() {
        SurvivalCurve curve = KaplanMeier.fit(new double[] {1, 2, 2}, new boolean[] {true, true, true}, ConfidenceTransform.LOG_LOG);
        assertEquals(2, curve.steps().size());
        assertEquals(2.0 / 3, curve.steps().get(0).survival(), 1e-12);
        assertEquals(0.0, curve.steps().get(1).survival());
        assertEquals(0.0, curve.steps().get(1).lower());
        assertEquals(2.0, curve.median().value());
    }

    @Test
    void aPlainIntervalIsClippedToOne() {
        SurvivalStep first = KaplanMeier.fit(WEEKS, RELAPSED, ConfidenceTransform.PLAIN).steps().get(0);
        assertEquals(0.857 - KaplanMeier.Z95 * 0.0764, first.lower(), 0.001);
        assertEquals(1.0, first.upper());
    }

    @Test
    void negativeTimesAreRefusedWithTheirIndex() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> KaplanMeier.fit(new double[] {1, -2}, new boolean[] {true, true}, ConfidenceTransform.LOG));
        assertTrue(e.getMessage().contains("time 1"));
    }
}

package org.reprotrack.survival;

/**
 * The curve at one event time: S(t) from t on, until the next step.
 *
 * @param time the event time (days for links)
 * @param atRisk subjects still observed just before {@code time}
 * @param events events at {@code time}
 * @param censored subjects censored after the previous step up to and including {@code time}
 * @param survival the Kaplan–Meier estimate S(t)
 * @param stdErr Greenwood's standard error of S(t): S·√(Σ d/(n(n−d)))
 * @param lower the lower 95 % bound
 * @param upper the upper 95 % bound
 */
public record SurvivalStep(double time, int atRisk, int events, int censored, double survival, double stdErr, double lower,
        double upper) {
}

package org.mailsim.fit;

/**
 * How well a fitted distribution explains its sample.
 *
 * @param logLikelihood the maximised log-likelihood, censoring included
 * @param parameters the number of fitted parameters
 * @param aic Akaike's information criterion, 2p - 2 ln L; among fits of the same sample, lower is better, and a
 *     difference above about 10 is decisive (Burnham &amp; Anderson, Model Selection and Multimodel Inference, 2002)
 * @param ksStatistic the Kolmogorov–Smirnov distance between the uncensored observations and the fit (conditioned
 *     on exceeding the left-censoring bound when there is one); NaN when the sample is right-censored. No p-value
 *     is given: with parameters estimated from the same data the KS table does not apply (Lilliefors, 1967).
 */
public record GoodnessOfFit(double logLikelihood, int parameters, double aic, double ksStatistic) {
    static GoodnessOfFit of(double logLikelihood, int parameters, double ksStatistic) {
        return new GoodnessOfFit(logLikelihood, parameters, 2.0 * parameters - 2.0 * logLikelihood, ksStatistic);
    }
}

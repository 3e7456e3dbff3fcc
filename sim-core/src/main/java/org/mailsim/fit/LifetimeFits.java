package org.mailsim.fit;

import java.util.Arrays;
import org.apache.commons.math3.distribution.AbstractRealDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.mailsim.random.Distribution;
import org.mailsim.stats.Estimate;

/**
 * Maximum-likelihood fits of lifetime distributions to censored samples.
 *
 * <p>Log-likelihood of a sample with density f, survival S and CDF F (Lawless, Statistical Models and Methods for
 * Lifetime Data, 2nd ed., 2003, section 2.2): sum of ln f(x) over exact failures, ln S(c) over right-censored
 * times, ln F(u) over left-censored bounds. Parameters are fitted on the log scale (ln shape, ln scale, ln mean) so
 * that they stay positive and the Wald intervals exp(theta +- 1.96 se) are asymmetric as they should be; standard
 * errors come from the observed Fisher information (the negative Hessian of the log-likelihood at the maximum).
 */
public final class LifetimeFits {
    /** The 97.5% standard-normal quantile. */
    static final double Z975 = 1.959963984540054;
    private static final double MIN_SHAPE = 0.01;
    private static final double MAX_SHAPE = 100;
    private static final double HESSIAN_STEP = 1e-4;

    private LifetimeFits() {
    }

    /**
     * The exponential MLE. With exact and right-censored data the mean is total time on test over failures.
     * A complete sample gets the exact interval [2T/chi2(0.975; 2r), 2T/chi2(0.025; 2r)] (2T/mean is chi-square
     * with 2r degrees of freedom: Lawless 2003, section 3.5); a censored one the Wald interval on ln(mean).
     */
    public static ExponentialFit exponential(LifetimeSample sample) {
        double[] x = sample.exactView();
        double[] c = sample.rightView();
        double[] u = sample.leftView();
        double[] e = sample.entriesView();
        int r = sample.failures();
        if (r == 0) {
            throw new IllegalArgumentException("no failures in the sample: only a lower bound on the mean can be given");
        }
        // Memorylessness: a unit entering at age a contributes only its time on test after a.
        double onTest = sum(x) + sum(c) - sum(e);
        double lnMean;
        double se;
        if (u.length == 0) {
            lnMean = Math.log(onTest / r);
            // l(m) = -r m - T e^-m, so -l''(m) = T e^-m = r at the maximum.
            se = 1 / Math.sqrt(r);
        } else {
            double start = Math.log((onTest + sum(u) / 2) / r);
            UnivariatePointValuePair best = new BrentOptimizer(1e-12, 1e-300).optimize(new MaxEval(10_000),
                    new UnivariateObjectiveFunction(m -> exponentialLogLikelihood(m, x, c, u, e)), GoalType.MAXIMIZE,
                    new SearchInterval(start - 20, start + 20, start));
            lnMean = best.getPoint();
            double h = HESSIAN_STEP;
            double second = (exponentialLogLikelihood(lnMean + h, x, c, u, e)
                    - 2 * exponentialLogLikelihood(lnMean, x, c, u, e)
                    + exponentialLogLikelihood(lnMean - h, x, c, u, e)) / (h * h);
            if (!(second < 0)) {
                throw new IllegalStateException("exponential fit: the likelihood has no proper maximum");
            }
            se = 1 / Math.sqrt(-second);
        }
        double mean = Math.exp(lnMean);
        Estimate estimate;
        if (c.length == 0 && u.length == 0) {
            double low = 2 * onTest / new ChiSquaredDistribution(null, 2.0 * r).inverseCumulativeProbability(0.975);
            double high = 2 * onTest / new ChiSquaredDistribution(null, 2.0 * r).inverseCumulativeProbability(0.025);
            estimate = new Estimate(mean, low, high, false);
        } else {
            estimate = logWald(lnMean, se);
        }
        double logLikelihood = exponentialLogLikelihood(lnMean, x, c, u, e);
        Distribution fitted = org.mailsim.random.Distributions.exponential(mean);
        return new ExponentialFit(estimate, GoodnessOfFit.of(logLikelihood, 1, ksStatistic(fitted, sample)));
    }

    /**
     * The two-parameter Weibull MLE, maximised with Commons Math's BOBYQA over (ln shape, ln scale) from a
     * log-moment start (Var ln X = pi^2 / (6 shape^2), E ln X = ln scale - gamma / shape).
     */
    public static WeibullFit weibull(LifetimeSample sample) {
        double[] x = sample.exactView();
        double[] c = sample.rightView();
        double[] u = sample.leftView();
        if (sample.failures() < 2 || x.length < 1) {
            throw new IllegalArgumentException("a Weibull fit needs at least two failures, one of them exact; got "
                    + sample);
        }
        double[] lnx = logs(x);
        double[] lnc = logs(c);
        double[] lnu = logs(u);
        double[] lne = logs(sample.entriesView());
        double[] start = weibullStart(lnx, lnc, lnu);
        double[] lower = {Math.log(MIN_SHAPE), start[1] - 25};
        double[] upper = {Math.log(MAX_SHAPE), start[1] + 25};
        start[0] = Math.min(Math.max(start[0], lower[0] + 0.5), upper[0] - 0.5);
        PointValuePair best = new BOBYQAOptimizer(5, 0.25, 1e-10).optimize(new MaxEval(100_000),
                new ObjectiveFunction(p -> finite(weibullLogLikelihood(p[0], p[1], lnx, lnc, lnu, lne))),
                GoalType.MAXIMIZE, new InitialGuess(start), new SimpleBounds(lower, upper));
        double a = best.getPoint()[0];
        double b = best.getPoint()[1];
        if (a - lower[0] < 1e-6 || upper[0] - a < 1e-6 || b - lower[1] < 1e-6 || upper[1] - b < 1e-6) {
            throw new IllegalStateException("Weibull fit: the maximum lies on the search bound (shape "
                    + Math.exp(a) + ", scale " + Math.exp(b) + "); the data do not identify a Weibull");
        }
        double[][] cov = inverseOfNegative(hessian((p, q) -> weibullLogLikelihood(p, q, lnx, lnc, lnu, lne), a,
                b));
        if (cov == null) {
            throw new IllegalStateException("Weibull fit: the likelihood is flat or not concave at its maximum");
        }
        double shape = Math.exp(a);
        double seA = Math.sqrt(cov[0][0]);
        double seB = Math.sqrt(cov[1][1]);
        // Delta method for ln mean = ln scale + ln Gamma(1 + 1/shape).
        double dA = -Gamma.digamma(1 + 1 / shape) / shape;
        double lnMean = b + Gamma.logGamma(1 + 1 / shape);
        double varLnMean = dA * dA * cov[0][0] + 2 * dA * cov[0][1] + cov[1][1];
        Distribution fitted = org.mailsim.random.Distributions.weibull(shape, Math.exp(b));
        return new WeibullFit(logWald(a, seA), logWald(b, seB), logWald(lnMean, Math.sqrt(varLnMean)),
                cov[0][1] / (seA * seB),
                GoodnessOfFit.of(weibullLogLikelihood(a, b, lnx, lnc, lnu, lne), 2, ksStatistic(fitted, sample)));
    }

    static double exponentialLogLikelihood(double lnMean, double[] x, double[] c, double[] u, double[] entries) {
        double inverse = Math.exp(-lnMean);
        double sum = -x.length * lnMean - (sum(x) + sum(c) - sum(entries)) * inverse;
        for (double bound : u) {
            sum += Math.log(-Math.expm1(-bound * inverse));
        }
        return sum;
    }

    /**
     * Weibull log-likelihood in a = ln shape, b = ln scale, from the logs of the observations and of the entry ages
     * (each adds -ln S(entry) = (entry/scale)^shape).
     */
    static double weibullLogLikelihood(double a, double b, double[] lnx, double[] lnc, double[] lnu, double[] lne) {
        double k = Math.exp(a);
        double sum = 0;
        for (double l : lnx) {
            // ln f = ln k - k ln(scale) + (k - 1) ln x - (x/scale)^k
            sum += a - k * b + (k - 1) * l - Math.exp(k * (l - b));
        }
        for (double l : lnc) {
            sum -= Math.exp(k * (l - b));
        }
        for (double l : lnu) {
            sum += Math.log(-Math.expm1(-Math.exp(k * (l - b))));
        }
        for (double l : lne) {
            sum += Math.exp(k * (l - b));
        }
        return sum;
    }

    /**
     * The Kolmogorov–Smirnov distance of the exact observations from {@code fitted}, conditioned on exceeding the
     * largest left-censoring bound (the exact gaps of a trace with 1-second stamps are all at least 1 s). NaN for
     * right-censored samples, where the empirical CDF of the exact values is not an estimate of F.
     */
    static double ksStatistic(Distribution fitted, LifetimeSample sample) {
        if (sample.rightView().length > 0 || sample.exactView().length == 0 || sample.entriesView().length > 0) {
            return Double.NaN;
        }
        double bound = 0;
        for (double u : sample.leftView()) {
            bound = Math.max(bound, u);
        }
        return new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(new Conditioned(fitted, bound),
                sample.exactView());
    }

    private static double[] weibullStart(double[] lnx, double[] lnc, double[] lnu) {
        double mean = Arrays.stream(lnx).average().orElse(0);
        double var = 0;
        for (double l : lnx) {
            var += (l - mean) * (l - mean);
        }
        var = lnx.length > 1 ? var / (lnx.length - 1) : 0;
        double shape = var > 0 ? Math.PI / Math.sqrt(6 * var) : 1;
        shape = Math.min(Math.max(shape, 0.05), 20);
        double lnScale = mean + 0.5772156649015329 / shape;
        return new double[] {Math.log(shape), lnScale};
    }

    private static double finite(double value) {
        // BOBYQA's quadratic models cannot take infinities; a very low finite value steers it away just as well.
        return Double.isFinite(value) ? value : -1e100;
    }

    interface LogLikelihood2 {
        double value(double a, double b);
    }

    /** Central-difference Hessian of a function of two variables. */
    static double[][] hessian(LogLikelihood2 f, double a, double b) {
        double h = HESSIAN_STEP;
        double f0 = f.value(a, b);
        double faa = (f.value(a + h, b) - 2 * f0 + f.value(a - h, b)) / (h * h);
        double fbb = (f.value(a, b + h) - 2 * f0 + f.value(a, b - h)) / (h * h);
        double fab = (f.value(a + h, b + h) - f.value(a + h, b - h) - f.value(a - h, b + h) + f.value(a - h, b - h))
                / (4 * h * h);
        return new double[][] {{faa, fab}, {fab, fbb}};
    }

    /** (-H)^-1 for a 2x2 Hessian, or null when -H is not positive definite. */
    static double[][] inverseOfNegative(double[][] hessian) {
        double p = -hessian[0][0];
        double q = -hessian[0][1];
        double s = -hessian[1][1];
        double det = p * s - q * q;
        if (!(p > 0) || !(s > 0) || !(det > 0)) {
            return null;
        }
        return new double[][] {{s / det, -q / det}, {-q / det, p / det}};
    }

    static Estimate logWald(double lnValue, double se) {
        return new Estimate(Math.exp(lnValue), Math.exp(lnValue - Z975 * se), Math.exp(lnValue + Z975 * se), false);
    }

    private static double[] logs(double[] values) {
        double[] logs = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (v > 0) {
                logs[n++] = Math.log(v);
            }
        }
        // A right-censoring time of zero adds nothing to the likelihood (S(0) = 1).
        return n == values.length ? logs : Arrays.copyOf(logs, n);
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    /** The law of X given X &gt; bound; only the CDF is used (by the KS statistic). */
    private static final class Conditioned extends AbstractRealDistribution {
        private static final long serialVersionUID = 1L;
        private final transient Distribution base;
        private final double bound;
        private final double below;

        Conditioned(Distribution base, double bound) {
            super(null);
            this.base = base;
            this.bound = bound;
            this.below = bound > 0 ? base.cdf(bound) : 0;
        }

        @Override
        public double cumulativeProbability(double x) {
            if (x <= bound) {
                return 0;
            }
            return (base.cdf(x) - below) / (1 - below);
        }

        @Override
        public double density(double x) {
            throw new UnsupportedOperationException("only the CDF is needed");
        }

        @Override
        public double getNumericalMean() {
            return Double.NaN;
        }

        @Override
        public double getNumericalVariance() {
            return Double.NaN;
        }

        @Override
        public double getSupportLowerBound() {
            return bound;
        }

        @Override
        public double getSupportUpperBound() {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public boolean isSupportLowerBoundInclusive() {
            return false;
        }

        @Override
        public boolean isSupportUpperBoundInclusive() {
            return false;
        }

        @Override
        public boolean isSupportConnected() {
            return true;
        }
    }
}

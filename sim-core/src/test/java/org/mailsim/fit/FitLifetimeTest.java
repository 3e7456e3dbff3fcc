package org.mailsim.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.junit.jupiter.api.Test;
import org.mailsim.random.Distributions;
import org.mailsim.random.RandomStreams;
import org.mailsim.stats.Estimate;

/** Maximum-likelihood fits recover the parameters of data simulated with them, censored or not. */
class FitLifetimeTest {

    private static UniformRandomProvider rng(long seed) {
        return RandomStreams.forReplication(seed, 0).stream("fit-test");
    }

    private static double[] draw(ContinuousSampler sampler, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = sampler.sample();
        }
        return x;
    }

    private static void assertCovers(Estimate e, double truth, double maxRelativeHalfWidth) {
        assertThat(e.ci95Low()).as("%s covers %s", e, truth).isLessThanOrEqualTo(truth);
        assertThat(e.ci95High()).as("%s covers %s", e, truth).isGreaterThanOrEqualTo(truth);
        assertThat((e.ci95High() - e.ci95Low()) / 2 / e.estimate()).as("relative half-width of %s", e)
                .isLessThan(maxRelativeHalfWidth);
    }

    @Test
    void weibullFromCompleteSample() {
        double[] x = draw(Distributions.weibull(0.7, 1000).sampler(rng(11)), 3000);
        WeibullFit fit = LifetimeFits.weibull(LifetimeSample.complete(x));
        // se(shape)/shape is about 0.78/sqrt(n) = 1.4% here (Lawless 2003, Table 4.3.1): 95% half-width about 3%.
        assertCovers(fit.shape(), 0.7, 0.04);
        assertCovers(fit.scale(), 1000, 0.08);
        assertCovers(fit.mean(), Distributions.weibull(0.7, 1000).mean(), 0.08);
        assertThat(fit.goodness().ksStatistic()).isLessThan(1.36 / Math.sqrt(x.length));
    }

    @Test
    void exponentialFromCompleteSampleHasExactInterval() {
        double[] x = draw(Distributions.exponential(5000).sampler(rng(12)), 2000);
        ExponentialFit fit = LifetimeFits.exponential(LifetimeSample.complete(x));
        assertThat(fit.mean().estimate()).isCloseTo(Arrays.stream(x).average().orElseThrow(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertCovers(fit.mean(), 5000, 0.05);
        // Exponential data: the Weibull shape interval contains 1 and the extra parameter does not pay for itself
        // by more than the chi-square(1) 95% point (AIC difference below 3.84 - 2).
        WeibullFit weibull = LifetimeFits.weibull(LifetimeSample.complete(x));
        assertThat(weibull.shape().ci95Low()).isLessThan(1);
        assertThat(weibull.shape().ci95High()).isGreaterThan(1);
        assertThat(weibull.goodness().aic() - fit.goodness().aic()).isGreaterThan(-1.84);
    }

    @Test
    void rightCensoredWeibullIsRecoveredAndIgnoringCensoringIsNot() {
        // Wear-out lifetimes, observation stopped at 800 h (type I) or at a random exponential time (random
        // censoring): about half the units are still running when observation ends. (A single seed can miss by
        // 5% chance; coverage itself is checked over many samples below.)
        UniformRandomProvider r = rng(23);
        ContinuousSampler life = Distributions.weibull(1.5, 1000).sampler(r);
        ContinuousSampler exit = Distributions.exponential(3000).sampler(r);
        int n = 4000;
        double[] exact = new double[n];
        double[] censored = new double[n];
        int e = 0;
        int c = 0;
        for (int i = 0; i < n; i++) {
            double t = life.sample();
            double end = Math.min(800, exit.sample());
            if (t <= end) {
                exact[e++] = t;
            } else {
                censored[c++] = end;
            }
        }
        assertThat(c).isGreaterThan(n / 3);
        LifetimeSample sample = LifetimeSample.rightCensored(Arrays.copyOf(exact, e), Arrays.copyOf(censored, c));
        WeibullFit fit = LifetimeFits.weibull(sample);
        assertCovers(fit.shape(), 1.5, 0.06);
        assertCovers(fit.scale(), 1000, 0.06);
        assertThat(fit.goodness().ksStatistic()).isNaN();

        // Treating the censored as failures, or dropping them, moves the scale far outside that interval.
        double[] all = Arrays.copyOf(exact, n);
        System.arraycopy(censored, 0, all, e, c);
        WeibullFit naive = LifetimeFits.weibull(LifetimeSample.complete(all));
        assertThat(naive.scale().ci95High()).isLessThan(1000);
        WeibullFit dropped = LifetimeFits.weibull(LifetimeSample.complete(Arrays.copyOf(exact, e)));
        assertThat(dropped.scale().ci95High()).isLessThan(1000);
    }

    @Test
    void rightCensoredExponentialIsTotalTimeOnTestOverFailures() {
        UniformRandomProvider r = rng(14);
        ContinuousSampler life = Distributions.exponential(2000).sampler(r);
        int n = 5000;
        double[] exact = new double[n];
        double[] censored = new double[n];
        int e = 0;
        int c = 0;
        double onTest = 0;
        for (int i = 0; i < n; i++) {
            double t = life.sample();
            if (t <= 1500) {
                exact[e++] = t;
                onTest += t;
            } else {
                censored[c++] = 1500;
                onTest += 1500;
            }
        }
        ExponentialFit fit = LifetimeFits.exponential(
                LifetimeSample.rightCensored(Arrays.copyOf(exact, e), Arrays.copyOf(censored, c)));
        assertThat(fit.mean().estimate()).isCloseTo(onTest / e, org.assertj.core.data.Offset.offset(1e-6));
        assertCovers(fit.mean(), 2000, 0.05);
    }

    @Test
    void zeroGapsAreLeftCensoredAtTheClockResolution() {
        // A bursty fleet (shape 0.3, scale 1 h) stamped to the whole second: about 8% of gaps read as zero.
        ContinuousSampler gap = Distributions.weibull(0.3, 1.0).sampler(rng(15));
        int n = 4000;
        double[] stamps = new double[n];
        double t = 1e6;
        for (int i = 0; i < n; i++) {
            t += gap.sample();
            stamps[i] = Math.floor(t * 3600) / 3600;
        }
        double first = stamps[0];
        for (int i = 0; i < n; i++) {
            stamps[i] -= first;
        }
        EventTrace trace = new EventTrace("simulated", java.time.Instant.EPOCH, java.time.Instant.EPOCH, stamps,
                1.0 / 3600);
        EventFit fit = EventFits.fit(trace, EventFits.DEFAULT_BURST_WINDOW_HOURS);
        assertThat(fit.zeroGaps()).isGreaterThan(n / 20);
        assertCovers(fit.weibull().shape(), 0.3, 0.05);
        assertCovers(fit.weibull().scale(), 1.0, 0.2);
        assertThat(fit.preferred()).isEqualTo("weibull");
        assertThat(fit.aicAdvantageOfWeibull()).isGreaterThan(100);
    }

    @Test
    void weibullIntervalsCoverAtTheirNominalRate() {
        // 400 independent samples of 200, half of them right-censored at 60 h (S(60) = exp(-1.44): 24% censored): the 95% Wald
        // intervals on the log scale should cover the truth in 95% of them; the binomial standard deviation of the
        // coverage is 1.1%, so accept 3 of them either side.
        int reps = 400;
        int shapeHits = 0;
        int scaleHits = 0;
        for (int rep = 0; rep < reps; rep++) {
            ContinuousSampler s = Distributions.weibull(2.0, 50).sampler(RandomStreams.forReplication(99, rep)
                    .stream("coverage"));
            double[] x = draw(s, 200);
            LifetimeSample sample = LifetimeSample.complete(x);
            if (rep % 2 == 1) {
                double[] exact = Arrays.stream(x).filter(v -> v <= 60).toArray();
                double[] censored = new double[x.length - exact.length];
                Arrays.fill(censored, 60);
                sample = LifetimeSample.rightCensored(exact, censored);
            }
            WeibullFit fit = LifetimeFits.weibull(sample);
            shapeHits += fit.shape().ci95Low() <= 2.0 && 2.0 <= fit.shape().ci95High() ? 1 : 0;
            scaleHits += fit.scale().ci95Low() <= 50 && 50 <= fit.scale().ci95High() ? 1 : 0;
        }
        double sd = Math.sqrt(0.95 * 0.05 / reps);
        assertThat((double) shapeHits / reps).isBetween(0.95 - 3 * sd, 0.95 + 3 * sd);
        assertThat((double) scaleHits / reps).isBetween(0.95 - 3 * sd, 0.95 + 3 * sd);
    }

    @Test
    void refusesSamplesWithoutFailures() {
        LifetimeSample none = LifetimeSample.rightCensored(new double[0], new double[] {10, 20});
        assertThatThrownBy(() -> LifetimeFits.exponential(none)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no failures");
        assertThatThrownBy(() -> LifetimeFits.weibull(none)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LifetimeSample.complete(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("left-censored");
    }
}

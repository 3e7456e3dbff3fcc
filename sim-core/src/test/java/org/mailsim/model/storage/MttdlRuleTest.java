package org.mailsim.model.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mailsim.model.storage.array.ArraySpec;
import org.mailsim.model.storage.disk.DiskSpec;
import org.mailsim.model.storage.repair.RebuildSpec;
import org.mailsim.model.storage.repair.RepairSpec;
import org.mailsim.random.Distribution;
import org.mailsim.random.Distributions;
import org.mailsim.run.RunStatistics;
import org.mailsim.stats.Estimate;
import org.mailsim.stats.MttdlMethod;

/**
 * The MTTDL rule: the sample mean of times to first loss from runs to first data loss; from a fixed horizon, the
 * exponential approximation, labelled so, with a warning when the first losses show a rising or falling hazard.
 * The case of issue 12: one RAID-5 array of 8, Weibull(1.2, 50,000 h) disks, 150 h rebuilds.
 */
class MttdlRuleTest {
    private static final double REBUILD = 150;
    private static final double FIVE_YEARS = 5 * 8760;

    private static StorageSpec array(Distribution lifetime) {
        return StorageSpec.of(1, 1, DiskSpec.of(1e12, lifetime), ArraySpec.raid5(8),
                RepairSpec.of(RebuildSpec.taking(Distributions.deterministic(REBUILD))));
    }

    /**
     * Time to the first loss of one RAID-5 array of 8, written from the physics: 8 renewal slots of Weibull(1.2,
     * 50,000 h) lives, a failed disk replaced REBUILD hours later, loss when a second fails meanwhile.
     */
    private static double bruteForceFirstLoss(SplittableRandom rng) {
        double[] failsAt = new double[8];
        for (int i = 0; i < 8; i++) {
            failsAt[i] = weibull(rng);
        }
        while (true) {
            int first = 0;
            for (int i = 1; i < 8; i++) {
                first = failsAt[i] < failsAt[first] ? i : first;
            }
            double t = failsAt[first];
            for (int i = 0; i < 8; i++) {
                if (i != first && failsAt[i] < t + REBUILD) {
                    return failsAt[i];
                }
            }
            failsAt[first] = t + REBUILD + weibull(rng);
        }
    }

    private static double weibull(SplittableRandom rng) {
        return 50_000 * Math.pow(-Math.log(1 - rng.nextDouble()), 1 / 1.2);
    }

    @Test
    void mttdlFromRunsToFirstLossIsTheTrueMeanAndAFixedHorizonIsLabelledAndWarned() {
        SplittableRandom rng = new SplittableRandom(2026);
        int n = 4000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double t = bruteForceFirstLoss(rng);
            sum += t;
            sumSq += t * t;
        }
        double truth = sum / n;
        double truthSe = Math.sqrt((sumSq / n - truth * truth) / n);

        StorageSpec weibull = array(Distributions.weibull(1.2, 50_000));
        RunStatistics toLoss = new StorageExperiment(weibull, Horizon.firstDataLoss(1e9)).run(1, 3000, 2);
        Estimate mean = toLoss.mttdlHours();
        RunStatistics fixed = new StorageExperiment(weibull, Horizon.fixed(FIVE_YEARS)).run(2, 8000, 2);
        Estimate approx = fixed.mttdlHours();
        MttdlMethod fixedMethod = fixed.mttdlMethod();
        System.out.printf(Locale.ROOT, "MTTDL, RAID-5 of 8, Weibull(1.2, 50,000 h), 150 h rebuilds: brute force %.0f +- %.0f h;"
                        + " first-data-loss run %.0f [%.0f, %.0f] h; 5-year horizon %.0f [%.0f, %.0f] h (%d losses, trend"
                        + " z = %.1f)%n", truth, truthSe, mean.estimate(), mean.ci95Low(), mean.ci95High(),
                approx.estimate(), approx.ci95Low(), approx.ci95High(), fixed.replicationsWithLoss(),
                fixedMethod.hazardTrendZ());

        // Runs to first loss: the sample mean, no label, no warning, and it agrees with the brute force.
        assertThat(toLoss.mttdlMethod()).isEqualTo(MttdlMethod.SAMPLE_MEAN);
        assertThat(toLoss.mttdlMethod().warning()).isNull();
        double meanSe = (mean.ci95High() - mean.ci95Low()) / (2 * 1.96);
        assertThat(Math.abs(mean.estimate() - truth)).isLessThan(4 * Math.hypot(meanSe, truthSe));
        // The independent figure: 275,517 +- 3,748 h.
        assertThat(Math.abs(mean.estimate() - 275_517)).isLessThan(4 * Math.hypot(meanSe, 3_748));

        // A fixed horizon: the exponential approximation, which overstates it here, labelled and warned.
        assertThat(fixedMethod.exponentialApproximation()).isTrue();
        assertThat(fixedMethod.key()).isEqualTo("exponentialApproximation");
        assertThat(fixedMethod.hazardTrendZ()).isGreaterThan(MttdlMethod.TREND_LIMIT);
        assertThat(fixedMethod.warning()).contains("rises").contains("overstates").contains("first-data-loss");
        assertThat(approx.estimate()).isGreaterThan(truth);
    }

    @Test
    void aConstantHazardEarnsNoWarning() {
        // Exponential disks: the hazard of a first loss is constant after the first rebuild time, and the test of
        // a trend stays quiet while the approximation agrees with the runs to first loss.
        StorageSpec exponential = array(Distributions.exponential(50_000));
        RunStatistics fixed = new StorageExperiment(exponential, Horizon.fixed(FIVE_YEARS)).run(3, 8000, 2);
        RunStatistics toLoss = new StorageExperiment(exponential, Horizon.firstDataLoss(1e9)).run(4, 3000, 2);
        System.out.printf(Locale.ROOT, "exponential disks: 5-year horizon %s (trend z = %.2f), first-data-loss %s%n",
                fixed.mttdlHours(), fixed.mttdlMethod().hazardTrendZ(), toLoss.mttdlHours());
        assertThat(fixed.mttdlMethod().exponentialApproximation()).isTrue();
        assertThat(Math.abs(fixed.mttdlMethod().hazardTrendZ())).isLessThan(MttdlMethod.TREND_LIMIT);
        assertThat(fixed.mttdlMethod().warning()).isNull();
        Estimate a = fixed.mttdlHours();
        Estimate b = toLoss.mttdlHours();
        assertThat(a.ci95Low()).isLessThan(b.ci95High());
        assertThat(b.ci95Low()).isLessThan(a.ci95High());
    }

    @Test
    void theTruncatedExponentialMomentsAgreeWithTheirSeries() {
        // Near rate x horizon = 1e-3 the closed forms and the series must meet.
        MttdlMethod closed = MttdlMethod.of(1000, 100, 500, 100 / (1.0000001e-3 / 1000), 1000);
        MttdlMethod series = MttdlMethod.of(1000, 100, 500, 100 / (0.9999999e-3 / 1000), 1000);
        assertThat(Math.abs(closed.hazardTrendZ() - series.hazardTrendZ())).isLessThan(1e-4);
        // A sample centred where a constant hazard puts it gives z near zero: rate 1e-4/h, horizon 1000 h.
        double rate = 1e-4;
        double expectedMean = 1 / rate - 1000 * Math.exp(-rate * 1000) / -Math.expm1(-rate * 1000);
        assertThat(MttdlMethod.of(10_000, 500, expectedMean, 500 / rate, 1000).hazardTrendZ()).isCloseTo(0,
                org.assertj.core.data.Offset.offset(1e-9));
    }
}

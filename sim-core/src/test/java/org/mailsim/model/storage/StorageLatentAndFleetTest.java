package org.mailsim.model.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailsim.engine.Simulator;
import org.mailsim.model.storage.array.ArraySpec;
import org.mailsim.model.storage.disk.DiskSpec;
import org.mailsim.model.storage.disk.LatentErrorSpec;
import org.mailsim.model.storage.disk.ScrubSpec;
import org.mailsim.model.storage.repair.RebuildSpec;
import org.mailsim.model.storage.repair.RepairSpec;
import org.mailsim.random.Distribution;
import org.mailsim.random.Distributions;
import org.mailsim.random.RandomStreams;
import org.mailsim.run.Metric;
import org.mailsim.run.RunStatistics;
import org.mailsim.stats.MetricSummary;

/**
 * Latent errors against the scrubbing closed forms of docs/model.md, and Weibull fleets against n F(t)
 * and the renewal function. Tolerances: 99.9% intervals (z = 3.29) of each estimate.
 */
class StorageLatentAndFleetTest {
    private static final double Z999 = 3.290527;
    private static final double RATE = 1e-3;   // latent errors per disk-hour
    private static final double PERIOD = 500;  // scrub period or mean interval: rT = 0.5
    private static final double HORIZON = 50_000;
    private static final int ARRAYS = 20;
    private static final int WIDTH = 10;

    /** Per-replication fractions of disk-time holding an undetected latent error: {mean, standard error}. */
    private static double[] latentFraction(ScrubSpec scrub, long seed, int replications) {
        DiskSpec disk = DiskSpec.of(1e12, Distributions.exponential(1e15))
                .withLatentErrors(LatentErrorSpec.of(RATE, scrub));
        StorageSpec spec = StorageSpec.of(1, ARRAYS, disk, ArraySpec.raid5(WIDTH),
                RepairSpec.of(RebuildSpec.atRate(100e6, 1)));
        double sum = 0;
        double sumSq = 0;
        for (int r = 0; r < replications; r++) {
            Simulator sim = new Simulator();
            StorageModel model = new StorageModel(spec, sim, RandomStreams.forReplication(seed, r));
            model.keepLatentErrorHistory(); // the fraction of time sums every error's history
            model.start();
            sim.run(HORIZON);
            assertThat(model.lossEvents()).isZero();
            double f = model.latentErrorDiskHours(HORIZON) / (spec.disks() * HORIZON);
            sum += f;
            sumSq += f * f;
        }
        double mean = sum / replications;
        double var = (sumSq - replications * mean * mean) / (replications - 1);
        return new double[] {mean, Math.sqrt(var / replications)};
    }

    /** Expected error time in a stretch of length L that starts clean: L - (1 - e^(-rL)) / r. */
    private static double errorTimeFromClean(double length) {
        return length + Math.expm1(-RATE * length) / RATE;
    }

    @Test
    void deterministicScrubMatchesClosedForm() {
        double rt = RATE * PERIOD;
        double stationary = 1 - (1 - Math.exp(-rt)) / rt;
        // Each disk scrubs at phase + kT with phase ~ U(0, T); the run starts clean and is cut at the horizon, so
        // the exact expectation averages the two partial periods over the phase. Its difference from the
        // stationary closed form is a few tenths of a percent here.
        int grid = 20_000;
        double expected = 0;
        for (int i = 0; i < grid; i++) {
            double phase = (i + 0.5) / grid * PERIOD;
            long full = (long) Math.floor((HORIZON - phase) / PERIOD);
            double rest = HORIZON - phase - full * PERIOD;
            expected += errorTimeFromClean(phase) + full * errorTimeFromClean(PERIOD) + errorTimeFromClean(rest);
        }
        expected /= grid * HORIZON;
        double[] sim = latentFraction(ScrubSpec.periodic(PERIOD), 71, 16);
        System.out.printf(Locale.ROOT, "deterministic scrub: closed form %.5f, exact for the run %.5f, simulated %.5f "
                + "+- %.5f%n", stationary, expected, sim[0], sim[1]);
        assertThat(Math.abs(expected - stationary)).isLessThan(0.01 * stationary);
        assertThat(Math.abs(sim[0] - expected)).isLessThanOrEqualTo(Z999 * sim[1]);
    }

    @Test
    void exponentialScrubMatchesClosedForm() {
        double rt = RATE * PERIOD;
        double stationary = rt / (1 + rt);
        // Two-state chain clean -> error at r, error -> clean at 1/T, started clean:
        // P(error at t) = pi (1 - e^(-(r + s) t)), integrated over the run.
        double s = 1 / PERIOD;
        double expected = stationary * (1 + Math.expm1(-(RATE + s) * HORIZON) / ((RATE + s) * HORIZON));
        double[] sim = latentFraction(ScrubSpec.exponential(PERIOD), 72, 16);
        System.out.printf(Locale.ROOT, "exponential scrub: closed form %.5f, exact for the run %.5f, simulated %.5f "
                + "+- %.5f%n", stationary, expected, sim[0], sim[1]);
        assertThat(Math.abs(sim[0] - expected)).isLessThanOrEqualTo(Z999 * sim[1]);
    }

    private static final int FLEET = 1000;
    private static final double T = 8000;
    private static final Distribution WEIBULL = Distributions.weibull(1.5, 10_000);

    private static RunStatistics fleet(Distribution replacement, long seed, int replications) {
        // Single-disk arrays: every failure loses that "array"; replacing it at once is replacing the disk.
        DiskSpec disk = DiskSpec.of(1e12, WEIBULL);
        RepairSpec repair = RepairSpec.of(RebuildSpec.atRate(100e6, 1)).withLostArrayReplacement(replacement);
        StorageSpec spec = StorageSpec.of(1, FLEET, disk, ArraySpec.raid0(1), repair);
        return new StorageExperiment(spec, Horizon.fixed(T)).run(seed, replications, 2);
    }

    @Test
    void weibullFleetWithoutReplacementMatchesNF() {
        int reps = 100;
        MetricSummary failures = fleet(null, 81, reps).summary(Metric.DISK_FAILURES);
        double f = WEIBULL.cdf(T);
        double expected = FLEET * f;
        double se = Math.sqrt(FLEET * f * (1 - f) / reps);
        System.out.printf(Locale.ROOT, "weibull fleet without replacement: n F(t) %.2f, simulated %.2f%n", expected,
                failures.mean());
        assertThat(Math.abs(failures.mean() - expected)).isLessThanOrEqualTo(Z999 * se);
    }

    @Test
    void weibullFleetWithReplacementMatchesRenewalFunction() {
        int reps = 100;
        MetricSummary failures = fleet(Distributions.deterministic(0), 82, reps).summary(Metric.DISK_FAILURES);
        double expected = FLEET * renewalFunction(WEIBULL, T, 4000);
        double half999 = (failures.ci95High() - failures.mean()) * Z999 / 1.959964;
        System.out.printf(Locale.ROOT, "weibull fleet with replacement: n M(t) %.2f (n F(t) %.2f), simulated %.2f "
                + "[%.2f, %.2f]%n", expected, FLEET * WEIBULL.cdf(T), failures.mean(), failures.ci95Low(),
                failures.ci95High());
        assertThat(expected - FLEET * WEIBULL.cdf(T)).isGreaterThan(10 * half999); // renewals do matter here
        assertThat(Math.abs(failures.mean() - expected)).isLessThanOrEqualTo(half999);
    }

    /**
     * M(t) = F(t) + integral_0^t M(t - x) dF(x), discretised on a grid with the trapezoid rule for the
     * Stieltjes integral (implicit in the newest value).
     */
    static double renewalFunction(Distribution d, double t, int steps) {
        double h = t / steps;
        double[] f = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            f[i] = d.cdf(i * h);
        }
        double[] m = new double[steps + 1];
        for (int i = 1; i <= steps; i++) {
            double sum = f[i];
            for (int j = 2; j <= i; j++) {
                sum += (f[j] - f[j - 1]) * (m[i - j] + m[i - j + 1]) / 2;
            }
            double df1 = f[1] - f[0];
            sum += df1 * m[i - 1] / 2;
            m[i] = sum / (1 - df1 / 2);
        }
        return m[steps];
    }

    @Test
    void renewalFunctionOfExponentialIsLinear() {
        // Sanity check of the numerical renewal function: for the exponential, M(t) = t / mean exactly.
        assertThat(renewalFunction(Distributions.exponential(100), 300, 3000)).isCloseTo(3.0,
                org.assertj.core.data.Offset.offset(1e-3));
    }
}

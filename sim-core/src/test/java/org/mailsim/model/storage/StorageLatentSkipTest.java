package org.mailsim.model.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;
import org.mailsim.engine.Simulator;
import org.mailsim.model.storage.array.ArraySpec;
import org.mailsim.model.storage.disk.DiskSpec;
import org.mailsim.model.storage.disk.LatentErrorSpec;
import org.mailsim.model.storage.disk.ScrubSpec;
import org.mailsim.model.storage.repair.RebuildSpec;
import org.mailsim.model.storage.repair.RepairSpec;
import org.mailsim.random.Distributions;
import org.mailsim.random.RandomStreams;

/**
 * The latent-error state a quiet array's disks are found in when one of them fails, reached by skipping their
 * history ({@code StorageModel.skipTo}) and by drawing it error by error ({@code keepLatentErrorHistory}), against
 * the closed forms of each scrub rule and against each other.
 *
 * <p>The probe: one RAID-5 array of 4 disks that never fail at random; a script fails disk 0 at hour T and the
 * rebuild (a thousandth of an hour: it meets a new error with chance 1e-7) reads the 3 survivors with no redundancy
 * left, so the sectors it loses are the survivors' undetected errors at T (one sector each). Per survivor, with p
 * the chance it holds an error at T and N their number: P(loss) = 1 - (1 - p)^3 and E[sectors] = 3 E[N].
 * Tolerances: 99.9% intervals (z = 3.29) of each estimate, or of each difference.
 */
class StorageLatentSkipTest {
    private static final double Z999 = 3.290527;
    private static final int SURVIVORS = 3;
    private static final int REPLICATIONS = 40_000;
    private static final double QUICK_REBUILD = 1e-3;

    /** The sectors lost at the rebuild after the last scripted failure, per replication. */
    private static double[] sectorsMetAtLastFailure(LatentErrorSpec latent, double[] failAt, double rebuildHours,
                                                    boolean history, long seed) {
        DiskSpec disk = DiskSpec.of(1e12, Distributions.exponential(1e15)).withLatentErrors(latent);
        List<ScriptedFault> faults = new ArrayList<>();
        for (double t : failAt) {
            faults.add(ScriptedFault.fail(t, 0, 0, 0));
        }
        StorageSpec spec = StorageSpec.of(1, 1, disk, ArraySpec.raid5(SURVIVORS + 1),
                RepairSpec.of(RebuildSpec.taking(Distributions.deterministic(rebuildHours)))).withFaults(faults, true);
        double last = failAt[failAt.length - 1];
        double[] sectors = new double[REPLICATIONS];
        for (int r = 0; r < REPLICATIONS; r++) {
            Simulator sim = new Simulator(64);
            StorageModel model = new StorageModel(spec, sim, RandomStreams.forReplication(seed, r));
            if (history) {
                model.keepLatentErrorHistory();
            }
            int replication = r;
            model.addListener(new StorageListener() {
                @Override
                public void dataLost(double hours, int group, int array, LossCause cause, double bytes) {
                    if (hours >= last) {
                        sectors[replication] += bytes / DiskSpec.DEFAULT_SECTOR_BYTES;
                    }
                }
            });
            model.start();
            sim.run(last + rebuildHours + 1);
        }
        return sectors;
    }

    /** {mean, standard error} of the values, or of their being positive. */
    private static double[] estimate(double[] values, boolean positive) {
        double sum = 0;
        double sumSq = 0;
        for (double v : values) {
            double x = positive ? (v > 0 ? 1 : 0) : v;
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / values.length;
        double var = (sumSq - values.length * mean * mean) / (values.length - 1);
        return new double[] {mean, Math.sqrt(var / values.length)};
    }

    /**
     * Both ways of reaching T against p and E[N] per survivor. T must lie past the stretch from which skipping
     * pays, max(4w, 1/r): the two ways drawing differently shows that it does.
     */
    private static void checkAgainstClosedForm(String name, LatentErrorSpec latent, double t, double p, double n) {
        double pLoss = 1 - Math.pow(1 - p, SURVIVORS);
        double[] skipped = sectorsMetAtLastFailure(latent, new double[] {t}, QUICK_REBUILD, false, 11);
        double[] drawn = sectorsMetAtLastFailure(latent, new double[] {t}, QUICK_REBUILD, true, 11);
        assertThat(differ(skipped, drawn)).as("the history was skipped").isGreaterThan(0);
        for (boolean history : new boolean[] {false, true}) {
            double[] sectors = history ? drawn : skipped;
            double[] loss = estimate(sectors, true);
            double[] met = estimate(sectors, false);
            System.out.printf(Locale.ROOT, "%s, %s: P(loss) closed form %.5f, simulated %.5f +- %.5f; sectors %.5f,"
                            + " simulated %.5f +- %.5f%n", name, history ? "every error drawn" : "history skipped",
                    pLoss, loss[0], loss[1], SURVIVORS * n, met[0], met[1]);
            assertThat(Math.abs(loss[0] - pLoss)).isLessThan(Z999 * loss[1]);
            assertThat(Math.abs(met[0] - SURVIVORS * n)).isLessThan(Z999 * met[1]);
        }
    }

    private static int differ(double[] a, double[] b) {
        int n = 0;
        for (int r = 0; r < a.length; r++) {
            n += a[r] != b[r] ? 1 : 0;
        }
        return n;
    }

    @Test
    void exponentialScrubsLeaveTheStateOfTheTwoStateChain() {
        // Clean -> holding errors at rate r, back at rate m (a scrub an exponential time after the first error):
        // p(T) = r / (r + m) (1 - e^(-(r + m) T)); while holding errors, their age is exponential(m), so a disk
        // holds 1 + r / m of them on average. Here (r + m) T = 155: the chain is stationary at T.
        double r = 3e-4;
        double m = 1 / 100.0;
        double t = 15_000;
        double p = r / (r + m) * -Math.expm1(-(r + m) * t);
        checkAgainstClosedForm("exponential scrub", LatentErrorSpec.of(r, ScrubSpec.exponential(100)), t, p,
                p * (1 + r / m));
    }

    @Test
    void periodicScrubsLeaveTheErrorsSinceTheLastScrub() {
        // Every disk scrubs at phase + k P with a uniform phase: at T > P its last scrub is a uniform age A ago, and
        // it holds the errors since, Poisson(r A): p = 1 - (1 - e^(-rP)) / (rP), E[N] = rP / 2.
        double r = 1e-3;
        double period = 500;
        double p = 1 + Math.expm1(-r * period) / (r * period);
        checkAgainstClosedForm("periodic scrub", LatentErrorSpec.of(r, ScrubSpec.periodic(period)), 5_000, p,
                r * period / 2);
    }

    @Test
    void weibullScrubsLeaveTheStationaryStateOfTheAlternatingRenewalProcess() {
        // Clean for exponential(r) hours, then holding errors for D (the scrub delay of Elerath and Pecht,
        // Weibull(3, 168 h, 6 h)): p = r E[D] / (1 + r E[D]); while holding errors, one plus those arrived in the
        // elapsed part of D: E[N] = r (E[D] + r E[D^2] / 2) / (1 + r E[D]). T = 26 mean cycles: stationary.
        double r = 1e-3;
        double scale = 168;
        double location = 6;
        double mean = location + scale * Gamma.gamma(1 + 1 / 3.0);
        double meanSq = location * location + 2 * location * scale * Gamma.gamma(1 + 1 / 3.0)
                + scale * scale * Gamma.gamma(1 + 2 / 3.0);
        LatentErrorSpec latent = LatentErrorSpec.of(r,
                new ScrubSpec(Distributions.weibull(3, scale, location)));
        checkAgainstClosedForm("weibull scrub", latent, 30_000, r * mean / (1 + r * mean),
                r * (mean + r * meanSq / 2) / (1 + r * mean));
    }

    @Test
    void aSecondFailureFindsTheSameStateSkippedOrDrawn() {
        // Two failures of the same slot with slow rebuilds: errors landing behind the first rebuild stay latent,
        // so the array goes back to sleep holding errors with their scrubs pending, and the second failure comes
        // 2,500 hours on (past the 4w = 2,056 from which skipping pays). Those scrubs come within w of the sleep, so
        // the skip starts clean from an empty window as at a first failure; drawn, the history runs from the held
        // errors. Either way the second rebuild must meet the same errors in distribution.
        LatentErrorSpec latent = LatentErrorSpec.of(1e-3, new ScrubSpec(Distributions.weibull(3, 168, 6)));
        double[] failAt = {6_000, 6_000 + 300 + 2_500};
        double[] skipped = sectorsMetAtLastFailure(latent, failAt, 300, false, 23);
        double[] drawn = sectorsMetAtLastFailure(latent, failAt, 300, true, 23);
        assertThat(differ(skipped, drawn)).as("skipping draws differently from drawing every error").isGreaterThan(0);
        for (boolean positive : new boolean[] {true, false}) {
            double[] a = estimate(skipped, positive);
            double[] b = estimate(drawn, positive);
            double se = Math.hypot(a[1], b[1]);
            System.out.printf(Locale.ROOT, "second failure, %s: history skipped %.5f +- %.5f, every error drawn %.5f"
                    + " +- %.5f%n", positive ? "P(loss)" : "sectors", a[0], a[1], b[0], b[1]);
            assertThat(Math.abs(a[0] - b[0])).isLessThan(Z999 * se);
        }
    }
}

package org.mailsim.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailsim.model.storage.Horizon;
import org.mailsim.model.storage.StorageExperiment;
import org.mailsim.model.storage.StorageSpec;
import org.mailsim.model.storage.array.ArraySpec;
import org.mailsim.model.storage.correlation.AftershockSpec;
import org.mailsim.model.storage.correlation.CorrelationSpec;
import org.mailsim.model.storage.correlation.LotSpec;
import org.mailsim.model.storage.correlation.ShockSpec;
import org.mailsim.model.storage.disk.DiskSpec;
import org.mailsim.model.storage.disk.LatentErrorSpec;
import org.mailsim.model.storage.disk.ScrubSpec;
import org.mailsim.model.storage.repair.RebuildSpec;
import org.mailsim.model.storage.repair.RepairSpec;
import org.mailsim.model.storage.repair.SpareSpec;
import org.mailsim.random.Distribution;
import org.mailsim.random.Distributions;
import org.mailsim.run.RunStatistics;

/**
 * The rare-event estimator against plain Monte Carlo of the storage model itself ({@link StorageExperiment}, the
 * event kernel) where plain runs still see losses (P of 1e-3 to 1e-2 a year), on what no Markov chain covers:
 * Weibull lifetimes below and above shape 1, Weibull rebuilds with a location, latent errors with scrubbing, cold
 * spares, and a storage group coupled by its spare pool with lots, aftershocks and shocks. The two must agree within
 * 3.29 standard errors of their difference (99.9%); seeds are fixed.
 */
class RareEventAgainstPlainTest {
    private static final double Z999 = 3.290527;
    private static final double Z95 = 1.959964;
    private static final double YEAR = 8760;
    private static final int PLAIN_REPLICATIONS = 100_000;

    private static DiskSpec disk(Distribution lifetime) {
        return DiskSpec.of(4e12, lifetime);
    }

    private static void assertAgree(String label, StorageSpec spec, long seed) {
        assertAgree(label, spec, seed, 0.05);
    }

    private static void assertAgree(String label, StorageSpec spec, long seed, double precision) {
        long t0 = System.nanoTime();
        RunStatistics plain = new StorageExperiment(spec, Horizon.fixed(YEAR)).run(seed, PLAIN_REPLICATIONS, 2);
        double plainSeconds = (System.nanoTime() - t0) / 1e9;
        double p = (double) plain.replicationsWithLoss() / PLAIN_REPLICATIONS;
        double sePlain = Math.sqrt(p * (1 - p) / PLAIN_REPLICATIONS);
        t0 = System.nanoTime();
        DurabilityEstimate rare = DurabilityEstimator.estimate(spec, Horizon.fixed(YEAR), seed + 1,
                DurabilityEstimator.Settings.defaults(2).withPrecision(precision).withMaxSamples(2_000_000));
        double rareSeconds = (System.nanoTime() - t0) / 1e9;
        double fleet = rare.fleet().estimate();
        double seRare = (rare.fleet().ci95High() - fleet) / Z95;
        System.out.printf(Locale.ROOT, "%-40s plain %.3e +- %.3e (%d losses, %.1f s)  rare %.3e +- %.3e (%d samples,"
                        + " ESS %.0f, %.2f s) %s%n", label, p, sePlain, plain.replicationsWithLoss(), plainSeconds,
                fleet, seRare, rare.samples(), rare.effectiveSamples(), rareSeconds, rare.warnings());
        assertThat(plain.replicationsWithLoss()).as(label + ": plain sees enough losses").isGreaterThan(50);
        assertThat(rare.stoppedBy()).as(label).isEqualTo(DurabilityEstimate.StopReason.PRECISION);
        assertThat(Math.abs(fleet - p)).as(label + ": rare vs plain")
                .isLessThanOrEqualTo(Z999 * Math.hypot(sePlain, seRare));
    }

    private static RepairSpec rebuild(Distribution time) {
        return RepairSpec.of(RebuildSpec.taking(time));
    }

    @Test
    void weibullInfantMortality() {
        StorageSpec spec = StorageSpec.of(1, 1, disk(Distributions.weibull(0.7, 8e4)), ArraySpec.raid6(8),
                rebuild(Distributions.exponential(200)));
        assertAgree("raid6, weibull shape 0.7", spec, 11);
    }

    @Test
    void weibullWearOutWithWeibullRebuildsWithLocation() {
        StorageSpec spec = StorageSpec.of(1, 1, disk(Distributions.weibull(1.6, 3.5e4, 500)), ArraySpec.raid5(6),
                rebuild(Distributions.weibull(2, 40, 12)).withCrews(RepairSpec.Crews.ONE));
        assertAgree("raid5, weibull 1.6 from 500 h, weibull rebuilds", spec, 12);
    }

    @Test
    void latentErrorsWithScrubbingAndUres() {
        DiskSpec periodic = disk(Distributions.exponential(3e5)).withUre(1e-15)
                .withLatentErrors(LatentErrorSpec.of(5e-6, ScrubSpec.periodic(336)));
        assertAgree("raid5, latent errors, 2-week scrubs, UREs", StorageSpec.of(1, 1, periodic, ArraySpec.raid5(6),
                RepairSpec.of(RebuildSpec.atRate(50e6, 1))), 13);
        DiskSpec detection = disk(Distributions.exponential(6e4))
                .withLatentErrors(LatentErrorSpec.of(3e-4, new ScrubSpec(Distributions.weibull(3, 168, 6))));
        assertAgree("raid6, latent errors, weibull detection", StorageSpec.of(1, 1, detection, ArraySpec.raid6(8),
                RepairSpec.of(RebuildSpec.atRate(20e6, 1))), 14);
    }

    @Test
    void coldSparesAndOneCrew() {
        RepairSpec repair = rebuild(Distributions.exponential(30)).withCrews(RepairSpec.Crews.ONE)
                .withSpares(SpareSpec.cold(SpareSpec.Scope.ARRAY, 1, Distributions.weibull(1.5, 8),
                        Distributions.deterministic(24 * 7)));
        StorageSpec spec = StorageSpec.of(1, 1, disk(Distributions.exponential(1e5)), ArraySpec.raid5(8), repair);
        assertAgree("raid5, one cold spare, one crew", spec, 15);
    }

    @Test
    void storageGroupCoupledBySparesWithLotsAftershocksAndShocks() {
        RepairSpec repair = rebuild(Distributions.logNormal(Math.log(24), 0.5))
                .withSpares(SpareSpec.hot(SpareSpec.Scope.GROUP, 1, Distributions.deterministic(72)));
        CorrelationSpec correlation = new CorrelationSpec(List.of(new LotSpec("bad", 0.25, 3, 0.5)),
                List.of(new ShockSpec("enclosure", 2e-6, ShockSpec.Scope.ARRAY, ShockSpec.Effect.FAIL, 2, null)),
                new AftershockSpec(1, 2e-3));
        StorageSpec spec = StorageSpec.of(1, 4, disk(Distributions.exponential(4e5)), ArraySpec.raid6(6), repair)
                .withCorrelation(correlation);
        assertThat(DurabilityUnit.of(spec).arraysPerUnit()).isEqualTo(4);
        assertAgree("4 raid6 sharing a hot spare, lots, shocks", spec, 16, 0.10);
    }
}

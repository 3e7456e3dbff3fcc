package org.mailsim.model.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.mailsim.engine.Simulator;
import org.mailsim.model.storage.array.ArraySpec;
import org.mailsim.model.storage.array.RaidLevel;
import org.mailsim.model.storage.correlation.AftershockSpec;
import org.mailsim.model.storage.correlation.CorrelationSpec;
import org.mailsim.model.storage.correlation.LotSpec;
import org.mailsim.model.storage.correlation.ShockSpec;
import org.mailsim.model.storage.disk.BathtubLifetime;
import org.mailsim.model.storage.disk.DiskSpec;
import org.mailsim.model.storage.disk.HazardTableLifetime;
import org.mailsim.model.storage.disk.LatentErrorSpec;
import org.mailsim.model.storage.disk.ScrubSpec;
import org.mailsim.model.storage.repair.RebuildSpec;
import org.mailsim.model.storage.repair.RepairSpec;
import org.mailsim.model.storage.repair.SpareSpec;
import org.mailsim.random.Distributions;
import org.mailsim.random.RandomStreams;
import org.mailsim.run.Metric;
import org.mailsim.run.RunStatistics;
import org.mailsim.stats.Estimate;

/** Deterministic behaviour: RAID rules, scripted faults, listener callbacks, spares, shocks, estimators. */
class StorageBehaviourTest {
    private static final double TB = 1e12;

    private static long mask(int... positions) {
        long m = 0;
        for (int p : positions) {
            m |= 1L << p;
        }
        return m;
    }

    @Test
    void raidLevelsKnowToleranceDataDisksAndLoss() {
        assertThat(ArraySpec.raid5(8).tolerance()).isEqualTo(1);
        assertThat(ArraySpec.raid5(8).dataDisks()).isEqualTo(7);
        assertThat(ArraySpec.raid6(8).losesData(mask(0, 5))).isFalse();
        assertThat(ArraySpec.raid6(8).losesData(mask(0, 5, 7))).isTrue();
        assertThat(ArraySpec.raid10(8).losesData(mask(0, 2, 5, 7))).isFalse(); // one disk of each pair
        assertThat(ArraySpec.raid10(8).losesData(mask(4, 5))).isTrue();        // both disks of pair 2
        assertThat(ArraySpec.raid10(8).dataDisks()).isEqualTo(4);
        assertThat(ArraySpec.raid50(8, 2).losesData(mask(0, 4))).isFalse();    // one per span
        assertThat(ArraySpec.raid50(8, 2).losesData(mask(0, 3))).isTrue();     // two in span 0
        assertThat(ArraySpec.raid60(12, 2).losesData(mask(0, 1, 6, 7))).isFalse();
        assertThat(ArraySpec.raid60(12, 2).losesData(mask(6, 7, 11))).isTrue();
        assertThat(ArraySpec.raid60(12, 2).dataDisks()).isEqualTo(8);
        assertThat(ArraySpec.erasure(10, 4).losesData(mask(0, 1, 2, 3))).isFalse();
        assertThat(ArraySpec.erasure(10, 4).losesData(mask(0, 1, 2, 3, 13))).isTrue();
        assertThat(ArraySpec.mirror(3).losesData(mask(0, 1))).isFalse();
        assertThat(ArraySpec.mirror(3).losesData(mask(0, 1, 2))).isTrue();
        assertThat(ArraySpec.raid0(4).losesData(mask(3))).isTrue();
        assertThat(RaidLevel.byKey("RAID60")).isEqualTo(RaidLevel.RAID60);
        assertThatThrownBy(() -> RaidLevel.byKey("raid7")).hasMessageContaining("raid60");
        assertThatThrownBy(() -> ArraySpec.raid10(5)).hasMessageContaining("even");
        assertThatThrownBy(() -> ArraySpec.raid50(9, 2)).hasMessageContaining("spans");
    }

    @Test
    void bathtubAndHazardTableLifetimesInvertTheirCdf() {
        BathtubLifetime bathtub = new BathtubLifetime(0.5, 2e6, 1e-5, 4, 60_000, 20_000);
        HazardTableLifetime table = HazardTableLifetime.fromAnnualRates(new double[] {0, 1, 3}, new double[] {0.03, 0.01, 0.05});
        for (double p : new double[] {0.001, 0.1, 0.5, 0.9, 0.999}) {
            assertThat(bathtub.cdf(bathtub.inverseCdf(p))).isCloseTo(p, Offset.offset(1e-9));
            assertThat(table.cdf(table.inverseCdf(p))).isCloseTo(p, Offset.offset(1e-12));
        }
        // A one-bucket table is the exponential.
        HazardTableLifetime flat = new HazardTableLifetime(new double[] {0}, new double[] {1e-4});
        assertThat(flat.mean()).isCloseTo(1e4, Offset.offset(1e-6));
        // The bathtub's mean by quadrature against the mean of its own inverse-CDF draws on a fine grid.
        double sum = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            sum += bathtub.inverseCdf((i + 0.5) / n);
        }
        assertThat(bathtub.mean()).isCloseTo(sum / n, Offset.offset(1e-3 * bathtub.mean()));
    }

    /** Records every callback as text. */
    private static final class Journal implements StorageListener {
        final List<String> lines = new ArrayList<>();

        @Override
        public void diskFailed(double hours, int group, int array, int disk) {
            lines.add(hours + " failed " + group + "/" + array + "/" + disk);
        }

        @Override
        public void arrayUnavailable(double hours, int group, int array, boolean lost) {
            lines.add(hours + " unavailable " + group + "/" + array + (lost ? " lost" : " offline"));
        }

        @Override
        public void arrayAvailable(double hours, int group, int array) {
            lines.add(hours + " available " + group + "/" + array);
        }

        @Override
        public void groupUnavailable(double hours, int group) {
            lines.add(hours + " group unavailable " + group);
        }

        @Override
        public void groupAvailable(double hours, int group) {
            lines.add(hours + " group available " + group);
        }

        @Override
        public void dataLost(double hours, int group, int array, LossCause cause, double bytes) {
            lines.add(hours + " lost " + group + "/" + array + " " + cause.key() + " " + bytes);
        }
    }

    @Test
    void scriptedFaultsDriveLossOfflineAndReplacementByOperations() {
        DiskSpec disk = DiskSpec.of(TB, Distributions.exponential(1e6));
        RepairSpec repair = RepairSpec.of(RebuildSpec.taking(Distributions.deterministic(50)))
                .withLostArrayReplacement(null);
        StorageSpec spec = StorageSpec.of(2, 2, disk, ArraySpec.raid5(4), repair).withFaults(List.of(
                ScriptedFault.fail(10, 0, 1, 0),
                ScriptedFault.fail(20, 0, 1, 3),
                ScriptedFault.offline(30, 5, 1, 0),
                ScriptedFault.fail(100, 1, 1, 2)), false);
        Simulator sim = new Simulator();
        StorageModel model = new StorageModel(spec, sim, RandomStreams.forReplication(1, 0));
        Journal journal = new Journal();
        model.addListener(journal);
        model.start();
        sim.scheduleAt(40, () -> model.replaceLostArray(0, 1)); // the operations layer's new storage
        sim.run(200);

        assertThat(journal.lines).containsExactly(
                "10.0 failed 0/1/0",
                "20.0 failed 0/1/3",
                "20.0 lost 0/1 scriptedFault 3.0E12",
                "20.0 unavailable 0/1 lost",
                "20.0 group unavailable 0",
                "30.0 unavailable 1/0 offline",
                "30.0 group unavailable 1",
                "35.0 available 1/0",
                "35.0 group available 1",
                "40.0 available 0/1",
                "40.0 group available 0",
                "100.0 failed 1/1/2");
        assertThat(model.diskFailures()).isEqualTo(3);
        assertThat(model.losses(LossCause.SCRIPTED_FAULT)).isEqualTo(1);
        assertThat(model.bytesLost()).isEqualTo(3 * TB);
        assertThat(model.failedDisks(1, 1)).isZero(); // rebuilt after 50 h
        assertThat(model.isAvailable(0, 1)).isTrue();
    }

    private static StorageModel runScript(SpareSpec spares, double horizon, ScriptedFault... faults) {
        DiskSpec disk = DiskSpec.of(TB, Distributions.exponential(1e6));
        RepairSpec repair = RepairSpec.of(RebuildSpec.atRate(100e6, 0.5)).withSpares(spares); // 1 TB at 50 MB/s: 5.56 h
        StorageSpec spec = StorageSpec.of(1, 1, disk, ArraySpec.raid5(5), repair).withFaults(List.of(faults), false);
        Simulator sim = new Simulator();
        StorageModel model = new StorageModel(spec, sim, RandomStreams.forReplication(3, 0));
        model.start();
        sim.run(horizon);
        return model;
    }

    @Test
    void coldSparesDelayTheRebuildAndAnEmptyShelfWaitsForRestock() {
        var handling = Distributions.deterministic(2);
        var restock = Distributions.deterministic(100);
        // One spare on the shelf: rebuild from hour 3 to 10.56; the second failure at 20 finds an empty shelf and
        // waits for the restock at 101, then handling: rebuilt at 108.56. A third failure at 50 loses the array.
        StorageModel one = runScript(SpareSpec.cold(SpareSpec.Scope.ARRAY, 1, handling, restock), 200,
                ScriptedFault.fail(1, 0, 0, 0), ScriptedFault.fail(20, 0, 0, 1), ScriptedFault.fail(50, 0, 0, 2));
        assertThat(one.losses(LossCause.SCRIPTED_FAULT)).isEqualTo(1);
        StorageModel early = runScript(SpareSpec.cold(SpareSpec.Scope.ARRAY, 1, handling, restock), 200,
                ScriptedFault.fail(1, 0, 0, 0), ScriptedFault.fail(20, 0, 0, 1), ScriptedFault.fail(110, 0, 0, 2));
        assertThat(early.lossEvents()).isZero();
        // With no spare policy the rebuild starts at once and the same script loses nothing.
        StorageModel none = runScript(SpareSpec.NONE, 200,
                ScriptedFault.fail(1, 0, 0, 0), ScriptedFault.fail(20, 0, 0, 1), ScriptedFault.fail(50, 0, 0, 2));
        assertThat(none.lossEvents()).isZero();
        // Hot spares: the first failure at 1 and a second at 5 overlap during the first rebuild (1 .. 6.56).
        StorageModel hot = runScript(SpareSpec.hot(SpareSpec.Scope.GROUP, 2, Distributions.deterministic(24)), 50,
                ScriptedFault.fail(1, 0, 0, 0), ScriptedFault.fail(5, 0, 0, 1));
        assertThat(hot.losses(LossCause.SCRIPTED_FAULT)).isEqualTo(1);
    }

    @Test
    void shocksFailSeveralDisksAtOnceAndCountAsCorrelated() {
        DiskSpec disk = DiskSpec.of(TB, Distributions.exponential(1e12));
        ShockSpec enclosure = new ShockSpec("enclosure", 1e-3, ShockSpec.Scope.ARRAY, ShockSpec.Effect.FAIL, 2, null);
        StorageSpec spec = StorageSpec.of(1, 100, disk, ArraySpec.raid5(6), RepairSpec.of(RebuildSpec.atRate(100e6, 1)))
                .withCorrelation(new CorrelationSpec(List.of(), List.of(enclosure), null));
        int reps = 50;
        RunStatistics stats = new StorageExperiment(spec, Horizon.fixed(1000)).run(11, reps, 2);
        // Shocks are Poisson with mean 100 arrays x 1e-3 x 1000 h = 100 per replication, each losing its array.
        double mean = stats.summary(Metric.DATA_LOSS_EVENTS).mean();
        assertThat(Math.abs(mean - 100)).isLessThanOrEqualTo(3.29 * Math.sqrt(100.0 / reps));
        assertThat(stats.lossByCause()).containsOnlyKeys("correlatedFailure");
        assertThat(stats.summary(Metric.DISK_FAILURES).mean()).isCloseTo(2 * mean, Offset.offset(1e-9));

        ShockSpec power = new ShockSpec("power", 1e-2, ShockSpec.Scope.GROUP, ShockSpec.Effect.OFFLINE, 6,
                Distributions.exponential(4));
        StorageSpec offline = spec.withCorrelation(new CorrelationSpec(List.of(), List.of(power), null));
        Simulator sim = new Simulator();
        StorageModel model = new StorageModel(offline, sim, RandomStreams.forReplication(5, 0));
        int[] outages = new int[2];
        model.addListener(new StorageListener() {
            @Override
            public void groupUnavailable(double hours, int group) {
                outages[0]++;
            }

            @Override
            public void groupAvailable(double hours, int group) {
                outages[1]++;
            }
        });
        model.start();
        sim.run(1000);
        assertThat(outages[0]).isGreaterThan(0);
        assertThat(outages[1]).isBetween(outages[0] - 1, outages[0]);
        assertThat(model.lossEvents()).isZero(); // offline disks come back with their data
    }

    @Test
    void calibratedAftershockGivesTheRequestedFollowOnProbability() {
        AftershockSpec a = AftershockSpec.calibrated(0.039, AftershockSpec.TEN_MINUTES, 10);
        double p = a.followOnProbability(9);
        assertThat(2 * p / (1 + p)).isCloseTo(0.039, Offset.offset(1e-12));
    }

    @Test
    void zeroLossRunReportsBoundsNotZero() {
        DiskSpec disk = DiskSpec.of(TB, Distributions.exponential(1e9));
        StorageSpec spec = StorageSpec.of(1, 1, disk, ArraySpec.raid6(8), RepairSpec.of(RebuildSpec.atRate(100e6, 1)));
        RunStatistics stats = new StorageExperiment(spec, Horizon.firstDataLoss(1000)).run(3, 200, 1);
        Estimate p = stats.probabilityOfDataLoss();
        assertThat(p.boundOnly()).isTrue();
        assertThat(p.estimate()).isCloseTo(1 - Math.pow(0.05, 1.0 / 200), Offset.offset(1e-12));
        Estimate mttdl = stats.mttdlHours();
        assertThat(mttdl.boundOnly()).isTrue();
        assertThat(mttdl.estimate()).isPositive().isFinite();
    }

    @Test
    void sameSeedGivesIdenticalStatisticsWithOneAndFourThreads() {
        DiskSpec disk = DiskSpec.of(4 * TB, Distributions.weibull(1.2, 50_000))
                .withUre(1e-15)
                .withLatentErrors(new LatentErrorSpec(1e-4, 8, ScrubSpec.periodic(336)));
        RepairSpec repair = RepairSpec.of(RebuildSpec.taking(Distributions.weibull(2, 12, 6)))
                .withCrews(RepairSpec.Crews.ONE)
                .withSpares(SpareSpec.cold(SpareSpec.Scope.GROUP, 2, Distributions.exponential(4),
                        Distributions.deterministic(72)));
        CorrelationSpec correlation = new CorrelationSpec(List.of(new LotSpec("bad", 0.2, 3)),
                List.of(new ShockSpec("controller", 1e-5, ShockSpec.Scope.ARRAY, ShockSpec.Effect.OFFLINE, 3,
                        Distributions.exponential(8))), AftershockSpec.OLCF_ALPINE);
        StorageSpec spec = new StorageSpec(4, 5, disk, ArraySpec.raid6(10), repair, correlation,
                List.of(ScriptedFault.fail(500, 0, 0, 1, 2)), true);
        StorageExperiment experiment = new StorageExperiment(spec, Horizon.fixed(5 * 8760));
        RunStatistics one = experiment.run(42, 40, 1);
        RunStatistics four = experiment.run(42, 40, 4);
        for (Metric m : Metric.values()) {
            assertThat(four.summary(m)).as(m.key()).isEqualTo(one.summary(m));
        }
        assertThat(four.lossByCause()).isEqualTo(one.lossByCause());
        assertThat(four.probabilityOfDataLoss()).isEqualTo(one.probabilityOfDataLoss());
        assertThat(four.mttdlHours()).isEqualTo(one.mttdlHours());
        assertThat(one.summary(Metric.DISK_FAILURES).mean()).isPositive();
        assertThat(one.lossByCause()).containsKey("latentError");
    }
}

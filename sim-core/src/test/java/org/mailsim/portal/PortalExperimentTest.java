package org.mailsim.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailsim.model.mail.MailConfig;
import org.mailsim.model.operations.BackupPolicy;
import org.mailsim.model.operations.CostSpec;
import org.mailsim.model.operations.KnownPresets;
import org.mailsim.model.operations.Runbook;
import org.mailsim.model.operations.SelfBackup;
import org.mailsim.model.storage.Horizon;
import org.mailsim.model.storage.ScriptedFault;
import org.mailsim.model.storage.StorageSpec;
import org.mailsim.model.storage.array.ArraySpec;
import org.mailsim.model.storage.disk.DiskSpec;
import org.mailsim.model.storage.repair.RebuildSpec;
import org.mailsim.model.storage.repair.RepairSpec;
import org.mailsim.model.storage.repair.SpareSpec;
import org.mailsim.random.Distributions;
import org.mailsim.run.Incident;
import org.mailsim.run.Metric;
import org.mailsim.run.ReplicationRunner;
import org.mailsim.run.RunStatistics;

/** The wired portal: storage failures become incidents, mail deferred and lost, and costs. */
class PortalExperimentTest {
    private static final double HOURS_PER_YEAR = 8760;

    private static StorageSpec storage(boolean randomFailures, List<ScriptedFault> faults) {
        DiskSpec disk = DiskSpec.of(1e12, Distributions.exponential(50 * HOURS_PER_YEAR)).withUre(0);
        RepairSpec repair = new RepairSpec(RebuildSpec.atRate(50e6, 1), RepairSpec.Crews.UNLIMITED, SpareSpec.NONE,
                null);
        return StorageSpec.of(4, 1, disk, ArraySpec.raid5(8), repair).withFaults(faults, randomFailures);
    }

    private static PortalSpec portal(StorageSpec storage, int replications, double horizon, long users) {
        MailConfig mail = users > 0 ? MailConfig.defaults(users, storage.groups()) : null;
        return new PortalSpec("test", 7, replications, Horizon.fixed(horizon), storage, mail,
                KnownPresets.RUNBOOK_DREAMWIZ_2008, BackupPolicy.NONE, SelfBackup.NONE, KnownPresets.PRICES_2008,
                List.of());
    }

    /** A progress listener that follows replications and records what it is told. */
    private static final class Recorder implements ReplicationRunner.Progress {
        final List<double[]> running = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        final java.util.concurrent.atomic.AtomicInteger abandoned = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void completed(int done, int total) {
        }

        @Override
        public boolean followsReplications() {
            return true;
        }

        @Override
        public void running(int index, int total, double fraction, long events) {
            running.add(new double[] {index, total, fraction, events});
        }

        @Override
        public void abandoned() {
            abandoned.incrementAndGet();
        }
    }

    @Test
    void followingReplicationsUnderWayChangesNoResultWhateverTheThreads() {
        // 2,000 RAID-5 arrays of disks living 5 years on average, for 20 years: some 100,000 events a replication.
        DiskSpec disk = DiskSpec.of(1e12, Distributions.exponential(5 * HOURS_PER_YEAR)).withUre(0);
        RepairSpec repair = new RepairSpec(RebuildSpec.atRate(50e6, 1), RepairSpec.Crews.UNLIMITED, SpareSpec.NONE,
                null);
        PortalSpec spec = portal(StorageSpec.of(2000, 1, disk, ArraySpec.raid5(8), repair), 3,
                20 * HOURS_PER_YEAR, 0);
        List<String> plain = new java.util.ArrayList<>();
        new PortalExperiment(spec).replicate(1, 0, 3, r -> plain.add(ScenarioBindingTest.json(r)),
                ReplicationRunner.Progress.NONE);
        for (int threads : new int[] {1, 2}) {
            Recorder recorder = new Recorder();
            List<String> followed = new java.util.ArrayList<>();
            new PortalExperiment(spec).replicate(threads, 0, 3, r -> followed.add(ScenarioBindingTest.json(r)),
                    recorder);
            assertThat(followed).as("%d threads", threads).isEqualTo(plain);
            assertThat(recorder.running).as("told while replications run").isNotEmpty();
            double[] last = new double[3];
            for (double[] call : recorder.running.stream().sorted(java.util.Comparator.comparingDouble(
                    (double[] c) -> c[0]).thenComparingDouble(c -> c[3])).toList()) {
                int index = (int) call[0];
                assertThat(index).isBetween(0, 2);
                assertThat(call[1]).isEqualTo(3);
                assertThat(call[2]).as("fraction of the horizon").isGreaterThan(last[index]).isLessThan(1);
                assertThat((long) call[3] % org.mailsim.engine.Simulator.CHECKPOINT_EVERY).isZero();
                last[index] = call[2];
            }
            assertThat(recorder.abandoned.get()).isZero();
        }
        // A replication that fails (here, on its event budget) abandons the display before the error is told.
        PortalSpec tight = new PortalSpec(spec.name(), spec.seed(), 3, spec.horizon(), spec.storage(), spec.mail(),
                spec.runbook(), spec.backups(), spec.selfBackup(), spec.costs(), spec.tierOutages(),
                org.mailsim.engine.Simulator.CHECKPOINT_EVERY + 10);
        Recorder recorder = new Recorder();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PortalExperiment(tight).replicate(2, 0, 3,
                r -> { }, recorder)).hasMessageContaining("event budget of 65,546 events exhausted");
        assertThat(recorder.abandoned.get()).isEqualTo(1);
        assertThat(recorder.running).isNotEmpty();
    }

    @Test
    void scriptedArrayLossRunsTheRunbookAndCountsTheOutage() {
        StorageSpec storage = storage(false, List.of(ScriptedFault.fail(24, 1, 0)));
        PortalSpec spec = portal(storage, 1, 60 * 24, 200_000);
        PortalExperiment.Outcome outcome = new PortalExperiment(spec).run(1, ReplicationRunner.Progress.NONE);
        RunStatistics stats = outcome.statistics();
        assertThat(stats.incidentCount()).isEqualTo(1);
        Incident incident = stats.incidents().get(0);
        // Detection 1 h + response 2 h + provisioning 45 h: service back 48 h after the failure.
        assertThat(incident.hoursToRestoreService()).isCloseTo(48, within(1e-9));
        assertThat(incident.hoursToFullRecovery()).isGreaterThan(48 + 168);
        assertThat(incident.usersAffected()).isEqualTo(50_000);
        // The group's 50,000 users were without their mailboxes for those 48 hours.
        assertThat(stats.summary(Metric.USER_HOURS_UNAVAILABLE).mean()).isCloseTo(50_000 * 48.0, within(1.0));
        assertThat(stats.summary(Metric.MAILS_DEFERRED).mean()).isPositive();
        assertThat(stats.summary(Metric.MAILS_LOST).mean()).isPositive();
        assertThat(stats.summary(Metric.DATA_LOSS_EVENTS).mean()).isEqualTo(1);
        // Bytes lost are the mails the vendor could not recover, at the group's mean message size, far below the
        // 7 TB of raw data on the lost array.
        double bytesLost = stats.summary(Metric.BYTES_LOST).mean();
        double mailsLost = stats.summary(Metric.MAILS_LOST).mean();
        double meanMessageBytes = spec.mail().mailbox().meanBytesPerMessage();
        assertThat(bytesLost / mailsLost).isCloseTo(meanMessageBytes, within(0.01 * meanMessageBytes));
        assertThat(bytesLost).isLessThan(0.1 * storage.arrayDataBytes());
        assertThat(stats.lossByCause()).containsKey("scriptedFault");
        assertThat(outcome.meanCost()).containsKey("incident.vendor");
        assertThat(stats.summary(Metric.TOTAL_COST).mean())
                .isCloseTo(outcome.meanCost().values().stream().mapToDouble(Double::doubleValue).sum(), within(1e-6));
    }

    @Test
    void aSecondLossOnReplacementStorageLosesOnlyTheMailWrittenThere() {
        // The first loss at 24 h; replacement storage is in service at 72 h; it is lost in turn at 100 h, while the
        // vendor still holds the old mail. The second incident can only lose the 28 hours of mail written since.
        StorageSpec storage = storage(false, List.of(ScriptedFault.fail(24, 1, 0), ScriptedFault.fail(100, 1, 0)));
        PortalSpec spec = portal(storage, 1, 60 * 24, 200_000);
        RunStatistics stats = new PortalExperiment(spec).run(1, ReplicationRunner.Progress.NONE).statistics();
        assertThat(stats.incidents()).hasSize(2);
        Incident first = stats.incidents().get(0);
        Incident second = stats.incidents().get(1);
        double receivedPerUserPerHour = spec.mail().traffic().receivedPerDay() / 24;
        double writtenSinceReplacement = 50_000 * receivedPerUserPerHour * 28;
        assertThat(second.mailsLost()).isLessThan(1.5 * writtenSinceReplacement);
        assertThat(second.mailsLost()).isLessThan(0.1 * first.mailsLost());
        assertThat(second.usersAffected()).isLessThanOrEqualTo(50_000);
    }

    @Test
    void overlappingOfflinePeriodsLastUntilTheLatestEnds() {
        // Offline 10-15 h, 11-31 h and 12-52 h: the group is unreachable from 10 h to 52 h, one outage.
        StorageSpec storage = storage(false, List.of(ScriptedFault.offline(10, 5, 0, 0),
                ScriptedFault.offline(11, 20, 0, 0), ScriptedFault.offline(12, 40, 0, 0)));
        PortalSpec spec = portal(storage, 1, 100, 200_000);
        RunStatistics stats = new PortalExperiment(spec).run(1, ReplicationRunner.Progress.NONE).statistics();
        assertThat(stats.summary(Metric.USER_HOURS_UNAVAILABLE).mean()).isCloseTo(50_000 * 42.0, within(1.0));
        assertThat(stats.incidents()).hasSize(1);
        assertThat(stats.incidents().get(0).hoursToRestoreService()).isCloseTo(42, within(1e-9));
    }

    @Test
    void resultsAreIdenticalForAnyThreadCount() {
        StorageSpec storage = storage(true, List.of(ScriptedFault.fail(1000, 0, 0, 0, 1)));
        PortalSpec spec = portal(storage, 12, 5 * HOURS_PER_YEAR, 100_000);
        PortalExperiment experiment = new PortalExperiment(spec);
        RunStatistics one = experiment.run(1, ReplicationRunner.Progress.NONE).statistics();
        RunStatistics three = experiment.run(3, ReplicationRunner.Progress.NONE).statistics();
        for (Metric m : Metric.values()) {
            assertThat(three.summary(m)).as(m.key()).isEqualTo(one.summary(m));
        }
        assertThat(three.incidents()).isEqualTo(one.incidents());
    }

    @Test
    void blocksRunApartAndMergedInOrderGiveTheWholeRun() {
        StorageSpec storage = storage(true, List.of(ScriptedFault.fail(1000, 0, 0, 0, 1)));
        PortalSpec spec = portal(storage, 12, 5 * HOURS_PER_YEAR, 100_000);
        PortalExperiment experiment = new PortalExperiment(spec);
        PortalExperiment.Outcome whole = experiment.run(2, ReplicationRunner.Progress.NONE);
        // Blocks run in any order and with any thread count (as on different machines), merged in index order.
        java.util.TreeMap<Integer, List<PortalExperiment.Replication>> blocks = new java.util.TreeMap<>();
        for (int[] block : new int[][] {{7, 5}, {0, 3}, {3, 4}}) {
            List<PortalExperiment.Replication> part = new java.util.ArrayList<>();
            experiment.run(1 + block[0] % 2, block[0], block[1], part::add, ReplicationRunner.Progress.NONE);
            assertThat(part).hasSize(block[1]);
            blocks.put(block[0], part);
        }
        PortalExperiment.Merge merge = new PortalExperiment.Merge(spec);
        blocks.values().forEach(part -> part.forEach(merge::add));
        PortalExperiment.Outcome merged = merge.outcome();
        for (Metric m : Metric.values()) {
            assertThat(merged.statistics().summary(m)).as(m.key()).isEqualTo(whole.statistics().summary(m));
        }
        assertThat(merged.statistics().incidents()).isEqualTo(whole.statistics().incidents());
        assertThat(merged.meanCost()).isEqualTo(whole.meanCost());
        assertThat(merged.statistics().mttdlHours()).isEqualTo(whole.statistics().mttdlHours());
    }

    @Test
    void storageOnlyRunWithoutUsers() {
        StorageSpec storage = storage(true, List.of());
        PortalSpec spec = portal(storage, 50, 10 * HOURS_PER_YEAR, 0);
        RunStatistics stats = new PortalExperiment(spec).run(2, ReplicationRunner.Progress.NONE).statistics();
        // 32 disks with 50-year exponential lifetimes over 10 years: 6.4 failures expected per replication.
        assertThat(stats.summary(Metric.DISK_FAILURES).ci95Low()).isLessThan(6.4);
        assertThat(stats.summary(Metric.DISK_FAILURES).ci95High()).isGreaterThan(6.4);
        assertThat(stats.summary(Metric.USER_HOURS_UNAVAILABLE).max()).isZero();
    }
}

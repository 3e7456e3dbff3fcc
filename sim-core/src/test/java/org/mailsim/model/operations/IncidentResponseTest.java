package org.mailsim.model.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.mailsim.engine.Simulator;
import org.mailsim.random.Distributions;
import org.mailsim.run.Incident;
import org.mailsim.run.Metric;
import org.mailsim.run.ReplicationResult;

class IncidentResponseTest {
    private static final double EPS = 1e-9;
    // 10,000 users, 2 million messages of 100 kB (200 GB), 1,000 new messages an hour.
    private static final GroupContents GROUP = GroupContents.steady(4, 10_000, 2e6, 2e11, 1000);

    /** Alarm in 0.5 h, engineer 1.5 h later, replacement storage 6 h; restore 500 files/s, 100 MB/s. */
    private static final Runbook RUNBOOK = new Runbook(
            Distributions.deterministic(0.5), Distributions.deterministic(1.5),
            new Runbook.DiskReplacement(Distributions.deterministic(2), Distributions.deterministic(72), 0.5),
            new Runbook.Provisioning(Distributions.deterministic(6)),
            new Runbook.Restore(500, 1e8, Distributions.deterministic(24)),
            Runbook.Vendor.NONE,
            new Runbook.Merge(100),
            new Runbook.Staffing(2, 1));

    /** Records what the response asks of the rest of the model; plays the mail layer's inbound report. */
    private static final class Recorder implements RecoveryActions {
        final List<String> calls = new ArrayList<>();
        final List<LossVerdict> verdicts = new ArrayList<>();
        IncidentResponse response;
        double deferredOnRestore;

        @Override
        public void replacementInService(int group, double t) {
            calls.add("replacement " + group + " @" + t);
            response.inboundRestored(group, 0, t, deferredOnRestore, deferredOnRestore / 10);
        }

        @Override
        public void mailLost(LossVerdict verdict) {
            verdicts.add(verdict);
        }

        @Override
        public void oldMailRecovered(int group, double t) {
            calls.add("recovered " + group + " @" + t);
        }

        @Override
        public void incidentClosed(Incident incident) {
            calls.add("closed " + incident.storageGroup());
        }
    }

    private static IncidentResponse response(Simulator sim, Runbook runbook, BackupPolicy backup, SelfBackup self,
                                             Recorder recorder) {
        IncidentResponse r = new IncidentResponse(sim, runbook, new BackupSchedule(backup, GROUP), self, GROUP,
                recorder, RandomSource.XO_RO_SHI_RO_128_PP.create(7L), 3);
        recorder.response = r;
        return r;
    }

    private static Incident.Phase phase(Incident incident, String name) {
        return incident.phases().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no phase " + name + " in " + incident.phases()));
    }

    @Test
    void lostGroupWithANightlyBackupIsRestoredAfterReplacementStorageIsInService() {
        Simulator sim = new Simulator();
        Recorder rec = new Recorder();
        rec.deferredOnRestore = 8000;
        // Nightly full at 02:00, 400 files/s: max(2e6/400, 2e11/1e9) s = 1.389 h; the one started at 50 h is done.
        IncidentResponse r = response(sim, RUNBOOK, BackupPolicy.full(24, 2, 400, 1e9), SelfBackup.NONE, rec);
        sim.scheduleAt(60, () -> r.storageLost(1, "concurrentFailures", 1, FailureScope.ARRAY));
        sim.run(1000);

        assertThat(r.incidents()).hasSize(1);
        Incident inc = r.incidents().get(0);
        assertThat(inc.replication()).isEqualTo(3);
        assertThat(inc.storageGroup()).isEqualTo("group-1");
        assertThat(inc.cause()).isEqualTo("concurrentFailures");
        assertThat(inc.startHours()).isEqualTo(60);
        assertThat(phase(inc, "detection")).isEqualTo(new Incident.Phase("detection", 60, 60.5));
        assertThat(phase(inc, "on-call response")).isEqualTo(new Incident.Phase("on-call response", 60.5, 62));
        assertThat(phase(inc, "provisioning replacement storage").endHours()).isEqualTo(68);
        // The backup holds the 2e6 - 10,000 messages older than 50 h: max(1.99e6 / 500, 1.99e11 / 1e8) s = 3,980 s.
        Incident.Phase restore = phase(inc, "restore from backup");
        assertThat(restore.startHours()).isEqualTo(68);
        assertThat(restore.hours()).isCloseTo(3980 / 3600.0, within(EPS));
        assertThat(inc.hoursToRestoreService()).isEqualTo(8);
        assertThat(inc.hoursToFullRecovery()).isCloseTo(8 + 3980 / 3600.0, within(EPS));
        assertThat(inc.usersAffected()).isEqualTo(10_000);
        assertThat(inc.mailsDeferred()).isEqualTo(8000);
        assertThat(inc.mailsBounced()).isEqualTo(800);
        // Lost: the 10 hours of mail since the backup started at 50 h.
        assertThat(inc.mailsLost()).isCloseTo(10_000, within(EPS));
        assertThat(rec.verdicts).singleElement().satisfies(v -> {
            assertThat(v.lossTime()).isEqualTo(60);
            assertThat(v.recoveryPoint()).isEqualTo(50);
            assertThat(v.fractionOfExposedLost()).isEqualTo(1);
            // Each user got 0.1 messages an hour for 10 h: P(lost any) = 1 - e^-1.
            assertThat(v.expectedUsersWithLoss()).isCloseTo(10_000 * (1 - Math.exp(-1)), within(1e-6));
        });
        assertThat(rec.calls).containsExactly("replacement 1 @68.0", "recovered 1 @" + (68 + 3980 / 3600.0),
                "closed group-1");
        // 2 engineers from the alarm to service (7.5 h), 1 during the restore.
        assertThat(r.engineerHours()).isCloseTo(15 + 3980 / 3600.0, within(EPS));
        assertThat(r.vendorFees()).isZero();
    }

    @Test
    void withoutBackupTheVendorRecoversAFractionWhichIsThenMerged() {
        Simulator sim = new Simulator();
        Recorder rec = new Recorder();
        Runbook runbook = RUNBOOK.withVendor(new Runbook.Vendor(true, Distributions.deterministic(48), 1e8, 0.9,
                1000, false, 0));
        IncidentResponse r = response(sim, runbook, BackupPolicy.NONE, SelfBackup.NONE, rec);
        sim.scheduleAt(60, () -> r.storageLost(0, "scriptedFault", 1, FailureScope.ARRAY));
        sim.run(1000);

        Incident inc = r.incidents().get(0);
        // Disks shipped at 62 h: 48 h turnaround + imaging 2e11 B at 1e8 B/s (2,000 s).
        Incident.Phase vendor = phase(inc, "vendor recovery");
        assertThat(vendor.startHours()).isEqualTo(62);
        assertThat(vendor.endHours()).isCloseTo(62 + 48 + 2000 / 3600.0, within(EPS));
        // 90% of 2e6 files merged at 100 files/s: 18,000 s = 5 h, after service is back and the vendor is done.
        Incident.Phase merge = phase(inc, "merge recovered mail");
        assertThat(merge.startHours()).isEqualTo(vendor.endHours());
        assertThat(merge.hours()).isCloseTo(5, within(EPS));
        assertThat(inc.hoursToRestoreService()).isEqualTo(8);
        assertThat(inc.hoursToFullRecovery()).isCloseTo(2 + 48 + 2000 / 3600.0 + 5, within(EPS));
        assertThat(inc.mailsLost()).isCloseTo(0.1 * 2e6, within(1e-6));
        assertThat(inc.phases()).extracting(Incident.Phase::name).doesNotContain("restore from backup");
        assertThat(r.vendorFees()).isCloseTo(0.2 * 1000, within(EPS)); // 0.2 TB at $1,000/TB
        assertThat(r.vendorBytes()).isEqualTo(2e11);
        // Whole mailboxes exposed: 200 messages a user, each lost with probability 0.1.
        assertThat(rec.verdicts.get(0).recoveryPoint()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(rec.verdicts.get(0).expectedUsersWithLoss())
                .isCloseTo(10_000 * (1 - Math.pow(0.9, 200)), within(1e-6));
    }

    @Test
    void usersHitWithoutABackupComeFromTheContentsMailboxSizes() {
        // Contents that know their mailbox sizes: a user escapes a loss of q of the files with probability 0.7.
        GroupContents sized = new GroupContents() {
            @Override
            public int groups() {
                return GROUP.groups();
            }

            @Override
            public double users(int group) {
                return GROUP.users(group);
            }

            @Override
            public double files(int group, double t) {
                return GROUP.files(group, t);
            }

            @Override
            public double bytes(int group, double t) {
                return GROUP.bytes(group, t);
            }

            @Override
            public double filesWritten(int group, double from, double to) {
                return GROUP.filesWritten(group, from, to);
            }

            @Override
            public double fractionOfUsersUntouched(int group, double t, double q) {
                assertThat(q).isEqualTo(0.5);
                return 0.7;
            }
        };
        Simulator sim = new Simulator();
        Recorder rec = new Recorder();
        IncidentResponse r = new IncidentResponse(sim, RUNBOOK, new BackupSchedule(BackupPolicy.NONE, sized),
                SelfBackup.NONE, sized, rec, RandomSource.XO_RO_SHI_RO_128_PP.create(7L), 3);
        rec.response = r;
        sim.scheduleAt(10, () -> r.storageLost(2, "concurrentFailures", 0.5, FailureScope.ARRAY));
        sim.run(1000);
        assertThat(rec.verdicts.get(0).expectedUsersWithLoss()).isCloseTo(10_000 * 0.3, within(1e-9));
    }

    @Test
    void withNeitherBackupNorVendorTheOldMailIsGoneAndTheIncidentClosesWithService() {
        Simulator sim = new Simulator();
        Recorder rec = new Recorder();
        IncidentResponse r = response(sim, RUNBOOK, BackupPolicy.NONE, SelfBackup.NONE, rec);
        // Half the group (one of two arrays) lost.
        sim.scheduleAt(10, () -> r.storageLost(2, "concurrentFailures", 0.5, FailureScope.ARRAY));
        sim.run(1000);
        Incident inc = r.incidents().get(0);
        assertThat(inc.hoursToFullRecovery()).isEqualTo(inc.hoursToRestoreService()).isEqualTo(8);
        assertThat(inc.mailsLost()).isCloseTo(1e6, within(1e-6));
        assertThat(rec.calls).containsExactly("replacement 2 @18.0", "closed group-2");
    }

    @Test
    void offlineStorageIsAnOutageIncidentAndMayEscalateToALoss() {
        Simulator sim = new Simulator();
        Recorder rec = new Recorder();
        IncidentResponse r = response(sim, RUNBOOK, BackupPolicy.NONE, SelfBackup.NONE, rec);
        // Group 0: offline 0.2 h, over before the alarm. Group 1: offline 3 h. Group 2: offline at 10 h, declared
        // lost at 20 h (after the engineer arrived at 12 h): provisioning runs 20-26 h.
        sim.scheduleAt(10, () -> r.storageUnavailable(0, "shock"));
        sim.scheduleAt(10.2, () -> r.storageAvailable(0));
        sim.scheduleAt(10, () -> r.storageUnavailable(1, "shock"));
        sim.scheduleAt(13, () -> r.storageAvailable(1));
        sim.scheduleAt(10, () -> r.storageUnavailable(2, "shock"));
        sim.scheduleAt(20, () -> r.storageLost(2, "correlatedFailure", 1, FailureScope.ARRAY));
        sim.scheduleAt(26, () -> r.storageAvailable(2)); // the storage model's report after the replacement: ignored
        sim.run(1000);

        assertThat(r.incidents()).hasSize(3);
        Incident quick = r.incidents().get(0);
        assertThat(quick.phases()).containsExactly(new Incident.Phase("detection", 10, 10.2),
                new Incident.Phase("outage", 10, 10.2));
        assertThat(quick.hoursToRestoreService()).isCloseTo(0.2, within(EPS));
        assertThat(quick.mailsLost()).isZero();
        Incident longer = r.incidents().get(1);
        assertThat(longer.phases()).extracting(Incident.Phase::name)
                .containsExactly("detection", "on-call response", "repair", "outage");
        assertThat(longer.hoursToFullRecovery()).isEqualTo(3);
        Incident escalated = r.incidents().get(2);
        assertThat(escalated.cause()).isEqualTo("correlatedFailure");
        assertThat(escalated.startHours()).isEqualTo(10);
        assertThat(phase(escalated, "provisioning replacement storage"))
                .isEqualTo(new Incident.Phase("provisioning replacement storage", 20, 26));
        assertThat(escalated.hoursToRestoreService()).isEqualTo(16);
        // Engineers: group 1, 2 x (13 - 10.5); group 2, 2 x (26 - 10.5).
        assertThat(r.engineerHours()).isCloseTo(2 * 2.5 + 2 * 15.5, within(EPS));
    }

    @Test
    void badSectorsAreRestoredFileByFileFromBackupWithoutAnOutage() {
        Simulator sim = new Simulator();
        Recorder rec = new Recorder();
        IncidentResponse r = response(sim, RUNBOOK, BackupPolicy.full(24, 2, 400, 1e9), SelfBackup.NONE, rec);
        // 2e9 bytes = 1% of the group: 20,000 messages, of which 1% of the 10 h since the backup (100) are lost;
        // the other 19,900 (1.99e9 B) are restored: max(19,900 / 500, 1.99e9 / 1e8) = 39.8 s after the engineer.
        sim.scheduleAt(60, () -> r.sectorsLost(0, "latentError", 2e9));
        sim.run(1000);
        Incident inc = r.incidents().get(0);
        assertThat(inc.hoursToRestoreService()).isZero();
        assertThat(phase(inc, "restore from backup").startHours()).isEqualTo(62);
        assertThat(phase(inc, "restore from backup").hours()).isCloseTo(39.8 / 3600, within(EPS));
        assertThat(inc.mailsLost()).isCloseTo(100, within(1e-9));
        assertThat(rec.verdicts.get(0).shareOfGroup()).isCloseTo(0.01, within(EPS));
        assertThat(rec.calls).doesNotContain("replacement 0 @62.0");
    }

    @Test
    void aSecondArrayLostBeforeServiceReturnsJoinsTheIncident() {
        Simulator sim = new Simulator();
        Recorder rec = new Recorder();
        IncidentResponse r = response(sim, RUNBOOK, BackupPolicy.full(24, 2, 400, 1e9), SelfBackup.NONE, rec);
        sim.scheduleAt(60, () -> r.storageLost(1, "concurrentFailures", 0.5, FailureScope.ARRAY));
        sim.scheduleAt(63, () -> r.storageLost(1, "ureDuringRebuild", 0.5, FailureScope.ARRAY));
        sim.run(1000);
        assertThat(r.incidents()).hasSize(1);
        Incident inc = r.incidents().get(0);
        assertThat(inc.cause()).isEqualTo("concurrentFailures+ureDuringRebuild");
        assertThat(inc.hoursToRestoreService()).isEqualTo(8);
        // The restore now covers the whole group, as in the single-loss test.
        assertThat(phase(inc, "restore from backup").hours()).isCloseTo(3980 / 3600.0, within(EPS));
        // Lost: half of 10 h of mail, then half of 13 h.
        assertThat(inc.mailsLost()).isCloseTo(5000 + 6500, within(1e-9));
        assertThat(rec.calls).filteredOn(c -> c.startsWith("replacement")).hasSize(1);
    }

    @Test
    void selfBackupLimitsWhatExportersLose() {
        Simulator sim = new Simulator();
        Recorder rec = new Recorder();
        // 30% of users export weekly; no service backup: they lose on average half a week of mail, others all.
        SelfBackup self = new SelfBackup(0.3, 168);
        IncidentResponse r = response(sim, RUNBOOK, BackupPolicy.NONE, self, rec);
        sim.scheduleAt(500, () -> r.storageLost(0, "concurrentFailures", 1, FailureScope.ARRAY));
        sim.run(1000);
        double exporters = 0.3 * 1000 * 84; // 1,000 messages/h for the group, 84 h on average
        assertThat(r.incidents().get(0).mailsLost()).isCloseTo(0.7 * 2e6 + exporters, within(1e-6));
        assertThat(r.expectedMailsLost()).isCloseTo(0.7 * 2e6 + exporters, within(1e-6));
    }

    @Test
    void incidentsOpenAtTheHorizonAreReportedAsPlanned() {
        Simulator sim = new Simulator();
        Recorder rec = new Recorder();
        IncidentResponse r = response(sim, RUNBOOK, BackupPolicy.NONE, SelfBackup.NONE, rec);
        sim.scheduleAt(95, () -> r.storageLost(0, "concurrentFailures", 1, FailureScope.ARRAY));
        sim.run(100);
        assertThat(r.incidents()).isEmpty();
        ReplicationResult.Builder b = new ReplicationResult.Builder();
        r.contributeTo(b);
        ReplicationResult result = b.build();
        assertThat(result.incidents()).singleElement()
                .satisfies(i -> assertThat(i.hoursToRestoreService()).isEqualTo(8));
        assertThat(result.metric(Metric.TOTAL_COST)).isZero();
    }

    @Test
    void diskReplacementDelayDependsOnTheSpareAtHand() {
        assertThat(Runbook.DiskReplacement.hoursUntilReplaced(Runbook.SpareKind.HOT, true, 2, 72)).isZero();
        assertThat(Runbook.DiskReplacement.hoursUntilReplaced(Runbook.SpareKind.COLD, true, 2, 72)).isEqualTo(2);
        assertThat(Runbook.DiskReplacement.hoursUntilReplaced(Runbook.SpareKind.COLD, false, 2, 72)).isEqualTo(74);
        Simulator sim = new Simulator();
        IncidentResponse r = response(sim, RUNBOOK, BackupPolicy.NONE, SelfBackup.NONE, new Recorder());
        r.diskReplaced(0);
        r.diskReplaced(3);
        assertThat(r.disksReplaced()).isEqualTo(2);
        assertThat(r.engineerHours()).isEqualTo(1.0);
    }
}

package org.mailsim.model.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackupScheduleTest {
    // 2 million files of 100 kB, 1,000 new messages an hour; a full copy at 400 files/s and 1 GB/s takes
    // max(2e6 / 400, 2e11 / 1e9) = 5,000 s = 1.3889 h: the file count, not the bytes, bounds it.
    private static final GroupContents GROUP = GroupContents.steady(2, 10_000, 2e6, 2e11, 1000);
    private static final double FULL_HOURS = 5000 / 3600.0;

    @Test
    void recoveryPointIsTheStartOfTheLastCompletedBackup() {
        BackupSchedule s = new BackupSchedule(BackupPolicy.full(24, 2, 400, 1e9), GROUP);
        assertThat(s.lastRecoveryPoint(0, 1.0, FailureScope.ARRAY)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(s.rpoHours(0, 3.0, FailureScope.ARRAY)).isInfinite(); // the first backup is still running
        assertThat(s.lastRecoveryPoint(0, 2 + FULL_HOURS, FailureScope.ARRAY)).isEqualTo(2);
        // Just before the day-3 backup (started at 50 h) completes, the day-2 one (26 h) is the recovery point.
        double completes = 50 + FULL_HOURS;
        assertThat(s.lastRecoveryPoint(0, completes - 1e-6, FailureScope.ARRAY)).isEqualTo(26);
        assertThat(s.rpoHours(0, completes - 1e-6, FailureScope.ARRAY)).isCloseTo(completes - 26, within(1e-5));
        assertThat(s.lastRecoveryPoint(0, completes, FailureScope.ARRAY)).isEqualTo(50);
        assertThat(s.rpoHours(0, completes + 1e-6, FailureScope.ARRAY)).isCloseTo(FULL_HOURS, within(1e-5));
        assertThat(s.slotsSkipped(0)).isZero();
    }

    @Test
    void aBackupOverrunningItsWindowSkipsTheNextSlot() {
        // At 20 files/s a full copy takes 2e6 / 20 = 100,000 s = 27.78 h > 24 h: the 26 h slot comes while the
        // 2 h backup runs and is skipped; the next starts at 50 h and completes at 77.78 h.
        double hours = 2e6 / 20 / 3600;
        BackupSchedule s = new BackupSchedule(BackupPolicy.full(24, 2, 20, 1e9), GROUP);
        assertThat(s.lastRecoveryPoint(0, 2 + hours - 1e-6, FailureScope.ARRAY))
                .isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(s.lastRecoveryPoint(0, 2 + hours, FailureScope.ARRAY)).isEqualTo(2);
        assertThat(s.lastRecoveryPoint(0, 50 + hours - 1e-6, FailureScope.ARRAY)).isEqualTo(2);
        assertThat(s.rpoHours(0, 50 + hours - 1e-6, FailureScope.ARRAY)).isCloseTo(48 + hours, within(1e-5));
        assertThat(s.lastRecoveryPoint(0, 50 + hours, FailureScope.ARRAY)).isEqualTo(50);
        assertThat(s.backupsStarted(0)).isEqualTo(2);
        assertThat(s.slotsSkipped(0)).isEqualTo(2); // 26 h and 74 h
        // The other group's walk is independent.
        assertThat(s.backupsStarted(1)).isZero();
    }

    @Test
    void incrementalsScanEveryFileThenCopyTheNewMail() {
        // Full at 0 (5,000 s); incremental at 24 h: scan 2e6 / 10,000 = 200 s + copy 24,000 new / 400 = 60 s.
        BackupSchedule s = new BackupSchedule(BackupPolicy.incremental(168, 24, 0, 400, 1e9, 10_000), GROUP);
        double incremental = 260 / 3600.0;
        assertThat(s.lastRecoveryPoint(0, 24 + incremental - 1e-6, FailureScope.ARRAY)).isEqualTo(0);
        assertThat(s.lastRecoveryPoint(0, 24 + incremental, FailureScope.ARRAY)).isEqualTo(24);
        // The weekly full at 168 h takes 5,000 s again.
        assertThat(s.lastRecoveryPoint(0, 168 + FULL_HOURS - 1e-6, FailureScope.ARRAY)).isEqualTo(144);
        assertThat(s.lastRecoveryPoint(0, 168 + FULL_HOURS, FailureScope.ARRAY)).isEqualTo(168);
    }

    @Test
    void snapshotsHelpOnlyWhenReplicatedOffSite() {
        BackupPolicy local = new BackupPolicy(BackupPolicy.Kind.SNAPSHOT, 1, 1, 0, Double.POSITIVE_INFINITY, 1e8,
                Double.POSITIVE_INFINITY, false, 0, 1);
        assertThat(new BackupSchedule(local, GROUP).lastRecoveryPoint(0, 100, FailureScope.ARRAY))
                .isEqualTo(Double.NEGATIVE_INFINITY);
        // Replicated at 100 MB/s: the first send is all 2e11 bytes (2,000 s); the next, at 1 h, the 1,000 new
        // messages of the hour, 1e8 bytes (1 s).
        BackupSchedule s = new BackupSchedule(BackupPolicy.replicatedSnapshots(1, 1e8), GROUP);
        assertThat(s.lastRecoveryPoint(0, 2000 / 3600.0 - 1e-6, FailureScope.ARRAY))
                .isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(s.lastRecoveryPoint(0, 2000 / 3600.0, FailureScope.ARRAY)).isEqualTo(0);
        assertThat(s.lastRecoveryPoint(0, 1 + 1 / 3600.0 - 1e-7, FailureScope.ARRAY)).isEqualTo(0);
        assertThat(s.lastRecoveryPoint(0, 1 + 1 / 3600.0, FailureScope.ARRAY)).isEqualTo(1);
        assertThat(s.lastRecoveryPoint(0, 1 + 1 / 3600.0, FailureScope.SITE)).isEqualTo(1);
    }

    @Test
    void siteLossesRecoverOnlyFromOffSiteCopies() {
        BackupPolicy onSite = BackupPolicy.full(24, 2, 400, 1e9);
        assertThat(new BackupSchedule(onSite, GROUP).lastRecoveryPoint(0, 100, FailureScope.SITE))
                .isEqualTo(Double.NEGATIVE_INFINITY);
        BackupSchedule s = new BackupSchedule(onSite.withOffsite(12), GROUP);
        double offsite = 50 + FULL_HOURS + 12;
        assertThat(s.lastRecoveryPoint(0, offsite - 1e-6, FailureScope.SITE)).isEqualTo(26);
        assertThat(s.lastRecoveryPoint(0, offsite - 1e-6, FailureScope.ARRAY)).isEqualTo(50);
        assertThat(s.lastRecoveryPoint(0, offsite, FailureScope.SITE)).isEqualTo(50);
        assertThat(s.restoresFromOffsite(FailureScope.SITE)).isTrue();
        assertThat(s.restoresFromOffsite(FailureScope.ARRAY)).isFalse();
    }

    @Test
    void lazyWalkAgreesWithABruteForceScheduleAtRandomTimesInAnyOrder() {
        // A file count growing over time makes backup durations vary and overruns come and go.
        GroupContents growing = new GroupContents() {
            @Override
            public int groups() {
                return 1;
            }

            @Override
            public double users(int group) {
                return 1000;
            }

            @Override
            public double files(int group, double t) {
                return 1e5 + 2000 * t;
            }

            @Override
            public double bytes(int group, double t) {
                return files(group, t) * 1e5;
            }

            @Override
            public double filesWritten(int group, double from, double to) {
                return 3000 * (to - from);
            }
        };
        BackupPolicy[] policies = {
            BackupPolicy.full(24, 3, 20, 1e9).withOffsite(30),
            BackupPolicy.incremental(96, 12, 1, 15, 1e9, 500).withOffsite(5),
            BackupPolicy.replicatedSnapshots(2, 2e6)};
        SplittableRandom random = new SplittableRandom(42);
        for (BackupPolicy policy : policies) {
            BackupSchedule lazy = new BackupSchedule(policy, growing);
            List<double[]> reference = bruteForce(policy, growing, 2000);
            double t = 0;
            for (int i = 0; i < 400; i++) {
                t = i % 10 == 9 ? random.nextDouble(0, 2000) : t + random.nextDouble(0, 10); // mostly increasing
                for (FailureScope scope : FailureScope.values()) {
                    assertThat(lazy.lastRecoveryPoint(0, t, scope)).as("%s %s at %s", policy.kind(), scope, t)
                            .isEqualTo(expected(reference, policy, t, scope));
                }
            }
        }
    }

    /** Every backup to the horizon as {start, completion}, walking every slot. */
    private static List<double[]> bruteForce(BackupPolicy p, GroupContents c, double horizon) {
        List<double[]> backups = new ArrayList<>();
        double busyUntil = Double.NEGATIVE_INFINITY;
        double previous = 0;
        for (long k = 0; ; k++) {
            double slot = p.startOffsetHours() + k * p.slotIntervalHours();
            if (slot > horizon + 100) {
                return backups;
            }
            if (slot < busyUntil) {
                continue;
            }
            double files = c.files(0, slot);
            double bytes = c.bytes(0, slot);
            boolean full = backups.isEmpty() || k % p.slotsPerFull() == 0;
            double written = c.filesWritten(0, previous, slot);
            double seconds = switch (p.kind()) {
                case FULL -> Math.max(files / p.filesPerSecond(), bytes / p.bytesPerSecond());
                case INCREMENTAL -> full ? Math.max(files / p.filesPerSecond(), bytes / p.bytesPerSecond())
                        : Math.max(files / p.scanFilesPerSecond() + written / p.filesPerSecond(),
                        written * bytes / files / p.bytesPerSecond());
                case SNAPSHOT -> (full ? bytes : written * bytes / files) / p.bytesPerSecond();
                case NONE -> throw new AssertionError();
            };
            busyUntil = slot + seconds / 3600;
            previous = slot;
            backups.add(new double[] {slot, busyUntil});
        }
    }

    private static double expected(List<double[]> backups, BackupPolicy p, double t, FailureScope scope) {
        double point = Double.NEGATIVE_INFINITY;
        boolean snapshot = p.kind() == BackupPolicy.Kind.SNAPSHOT;
        for (double[] b : backups) {
            double usable = scope == FailureScope.SITE || snapshot ? b[1] + p.offsiteDelayHours() : b[1];
            if (usable <= t) {
                point = b[0];
            }
        }
        return point;
    }
}

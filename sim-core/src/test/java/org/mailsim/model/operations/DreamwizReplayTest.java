package org.mailsim.model.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.mailsim.engine.Simulator;
import org.mailsim.run.Incident;

/**
 * The Dreamwiz 2008 outage from its mechanisms (docs/dreamwiz-2008.md): a storage group of 10 million messages
 * (50,000 users with 200 each, 50 kB a message: 500 GB) loses its array. The 2008 runbook
 * ({@link KnownPresets#RUNBOOK_DREAMWIZ_2008}) has no mail backup; replacement servers take 45 h, the vendor 7 days,
 * the merge runs at 30 files/s. Reported: send/receive back on day 3, full recovery about day 11, bad-sector mail lost.
 */
class DreamwizReplayTest {
    static final double FILES = 1e7;
    static final GroupContents GROUP = GroupContents.steady(1, 50_000, FILES, FILES * 50e3, 50_000 * 20 / 24.0);

    record Replay(IncidentResponse response, Incident incident) {
    }

    static Replay replay(BackupPolicy backup) {
        Simulator sim = new Simulator();
        // Failure at 20:00 on the eighth day of the backup schedule (the 18th of the story).
        double failure = 24 * 7 + 20;
        IncidentResponse r = new IncidentResponse(sim, KnownPresets.RUNBOOK_DREAMWIZ_2008,
                new BackupSchedule(backup, GROUP), SelfBackup.NONE, GROUP, RecoveryActions.NONE,
                RandomSource.XO_RO_SHI_RO_128_PP.create(2008L), 0);
        sim.scheduleAt(failure, () -> r.storageLost(0, "concurrentFailures", 1, FailureScope.ARRAY));
        sim.run(failure + 24 * 60);
        return new Replay(r, r.incidents().get(0));
    }

    @Test
    void serviceBackOnDayThreeFullRecoveryAboutDayEleven() {
        Incident inc = replay(BackupPolicy.NONE).incident();
        // Alarm 1 h, engineer 2 h later, 45 h provisioning: 48 h, i.e. back on the third day (18th -> 20th).
        assertThat(inc.hoursToRestoreService()).isEqualTo(1 + 2 + 45);
        assertThat(inc.hoursToRestoreService() / 24).isBetween(2.0, 3.0);
        // Vendor 168 h from the engineer's arrival, then 98% of 10 million files merged at 30 files/s.
        double merge = 0.98 * FILES / 30 / 3600;
        assertThat(inc.hoursToFullRecovery()).isCloseTo(3 + 168 + merge, within(1e-6));
        assertThat(inc.hoursToFullRecovery() / 24).isBetween(10.0, 11.0);
        assertThat(inc.mailsLost()).isCloseTo(0.02 * FILES, within(1e-6));
        // The merge, bounded by the file count, is more than half of the vendor's week: file count dominates.
        assertThat(merge).isGreaterThan(168 / 2.0);
    }

    @Test
    void aNightlyBackupThatFitsItsWindowShortensTheRecoveryToDays() {
        // Nightly full at 01:00 at 200 files/s: 1e7 / 200 = 50,000 s = 13.9 h, within 24 h; the one started at
        // 169 h completed at 182.9 h, before the failure at 188 h. Restore at the 2008 rate of 200 files/s: the 10
        // million files minus the 19 h of new mail since 169 h take ~13.9 h after service is back.
        Incident inc = replay(BackupPolicy.full(24, 1, 200, 50e6)).incident();
        double restored = FILES - 19 * 50_000 * 20 / 24.0;
        assertThat(inc.hoursToRestoreService()).isEqualTo(48);
        assertThat(inc.hoursToFullRecovery()).isCloseTo(48 + restored / 200 / 3600, within(1e-6));
        assertThat(inc.mailsLost()).isCloseTo(19 * 50_000 * 20 / 24.0, within(1e-6));
    }

    @Test
    void aBackupTooSlowForItsWindowRunsEveryOtherNightAndLosesMoreMail() {
        // At 100 files/s a full copy takes 27.8 h > 24 h: backups start at 1 h, 49 h, 97 h, 145 h, each completing
        // 27.8 h later; at the failure (188 h) the last completed one started at 145 h, not at 169 h.
        BackupSchedule schedule = new BackupSchedule(BackupPolicy.full(24, 1, 100, 50e6), GROUP);
        assertThat(schedule.lastRecoveryPoint(0, 188, FailureScope.ARRAY)).isEqualTo(145);
        // Skipped: 25 h, 73 h, 121 h and 169 h (the 145 h backup runs until 172.8 h).
        assertThat(schedule.slotsSkipped(0)).isEqualTo(4);
        Incident inc = replay(BackupPolicy.full(24, 1, 100, 50e6)).incident();
        assertThat(inc.mailsLost()).isCloseTo(43 * 50_000 * 20 / 24.0, within(1e-6));
    }
}

package org.mailsim.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailsim.run.Metric;
import org.mailsim.run.ReplicationRunner;
import org.mailsim.run.RunStatistics;
import org.mailsim.run.Severity;
import org.mailsim.scenario.Scenario;

/**
 * Loss accounting by severity class, end to end from scenario keys, against hand computation: a scripted array
 * loss with and without a backup, one rebuild meeting unreadable sectors, users counted once.
 */
class LossAccountingTest {
    /**
     * 4 groups of 1,000 users on RAID-5 of 4 disks; flat traffic with as much deleted as received, so every group
     * holds 1,000 x E[messages] files at any time and receives one mail per user-hour. Nothing fails but the script.
     */
    private static final String PORTAL = """
            name: losses
            horizon: 30d
            replications: 2
            randomFailures: false
            storage:
              groups: 4
              raid: {level: raid5, width: 4}
              disk: {capacity: 4TB, lifetime: 1000y, ure: 0}
              spares: {kind: hot}
            users: {count: 4000}
            traffic: {received: 24/d, sent: 0/d, deleted: 24/d, growth: 0, hourlyProfile: [1, 1, 1, 1, 1, 1, 1, 1,
              1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}
            operations: {vendor: {use: false}, selfBackup: {fraction: 0}}
            """;
    private static final String ARRAY_LOSS_AT_100H = """
            faults:
              - {at: 99h, kind: disk-failure, group: 0, array: 0, disk: 0}
              - {at: 100h, kind: disk-failure, group: 0, array: 0, disk: 1}
            """;

    private static PortalSpec spec(String yaml) {
        return ScenarioBinding.bind(Scenario.parse(yaml, "losses.yaml", Path.of("."), List.of()));
    }

    private static RunStatistics run(PortalSpec spec) {
        return new PortalExperiment(spec).run(1, ReplicationRunner.Progress.NONE).statistics();
    }

    private static double mean(RunStatistics s, Metric m) {
        return s.summary(m).mean();
    }

    @Test
    void arrayLossWithoutBackupLosesEveryMailOfTheGroupAndEveryUser() {
        PortalSpec spec = spec(PORTAL + ARRAY_LOSS_AT_100H);
        RunStatistics s = run(spec);
        double files = 1_000 * spec.mail().mailbox().meanMessages();
        assertThat(mean(s, Metric.ARRAY_LOSS_EVENTS)).isEqualTo(1);
        assertThat(mean(s, Metric.SECTOR_LOSS_EVENTS)).isZero();
        assertThat(mean(s, Metric.DATA_LOSS_EVENTS)).isEqualTo(1);
        assertThat(mean(s, Metric.ARRAY_LOSS_MAILS_LOST)).isCloseTo(files, within(1e-6 * files));
        assertThat(mean(s, Metric.MAILS_LOST)).isCloseTo(files, within(1e-6 * files));
        assertThat(mean(s, Metric.ARRAY_LOSS_USERS_WITH_LOSS)).isCloseTo(1_000, within(1e-9));
        assertThat(mean(s, Metric.USERS_WITH_LOSS)).isCloseTo(1_000, within(1e-9));
        // Nothing recovered: the raw bytes the array held are the bytes lost.
        assertThat(mean(s, Metric.BYTES_LOST)).isCloseTo(mean(s, Metric.RAW_BYTES_LOST), within(1e-6 * files));
        assertThat(mean(s, Metric.ARRAYS_WITH_LOSS)).isEqualTo(1);
        assertThat(s.probability(Severity.ARRAY_LOSS).estimate()).isEqualTo(1);
        assertThat(s.probability(Severity.SECTOR_LOSS).boundOnly()).isTrue();
        assertThat(s.incidents()).extracting(i -> i.severity()).containsOnly(Severity.ARRAY_LOSS);
    }

    @Test
    void arrayLossWithADailyBackupLosesOnlyTheMailSinceTheRecoveryPoint() {
        // Full backups at 0 h, 24 h, ...; 4,000 files at 10^9 files/s finish at once. The loss at 100 h finds the
        // backup started at 96 h: 4 mails per user arrived since, 4,000 lost; a user escapes with Poisson(4) = 0.
        PortalSpec spec = spec(PORTAL + ARRAY_LOSS_AT_100H + """
                backups: {policy: full, interval: 1d, startOffset: 0h, fileRate: 1000000000 files/s,
                  bandwidth: 1000TB/s, offsite: false}
                """);
        RunStatistics s = run(spec);
        assertThat(mean(s, Metric.ARRAY_LOSS_MAILS_LOST)).isCloseTo(4_000, within(1e-3));
        assertThat(mean(s, Metric.ARRAY_LOSS_USERS_WITH_LOSS)).isCloseTo(1_000 * (1 - Math.exp(-4)), within(1e-6));
        assertThat(mean(s, Metric.USERS_WITH_LOSS)).isCloseTo(1_000 * (1 - Math.exp(-4)), within(1e-6));
        // The backup does not make the array loss less likely; it makes it cost less.
        assertThat(s.probability(Severity.ARRAY_LOSS).estimate()).isEqualTo(1);
    }

    @Test
    void aRebuildMeetingUnreadableSectorsIsOneSectorLossAndNoArrayLoss() {
        // One disk fails; the rebuild reads 3 x 4 TB = 9.6e13 bits at 1e-12 UREs per bit: about 96 UREs, all met
        // with no redundancy left. One event, sector class; the files lost are the unreadable bytes over the mean
        // message size (each sector holds part of one file).
        PortalSpec spec = spec(PORTAL.replace("ure: 0", "ure: 1e-12") + """
                faults:
                  - {at: 100h, kind: disk-failure, group: 0, array: 0, disk: 0}
                """);
        RunStatistics s = run(spec);
        assertThat(mean(s, Metric.SECTOR_LOSS_EVENTS)).isEqualTo(1);
        assertThat(mean(s, Metric.ARRAY_LOSS_EVENTS)).isZero();
        assertThat(mean(s, Metric.DATA_LOSS_EVENTS)).isEqualTo(1);
        double raw = mean(s, Metric.SECTOR_LOSS_RAW_BYTES);
        assertThat(raw).isPositive();
        double bytesPerMail = spec.mail().mailbox().meanBytesPerMessage();
        assertThat(mean(s, Metric.SECTOR_LOSS_MAILS_LOST)).isCloseTo(raw / bytesPerMail, within(1e-6 * raw));
        assertThat(mean(s, Metric.ARRAY_LOSS_MAILS_LOST)).isZero();
        assertThat(mean(s, Metric.USERS_WITH_LOSS)).isEqualTo(mean(s, Metric.SECTOR_LOSS_USERS_WITH_LOSS))
                .isPositive().isLessThanOrEqualTo(mean(s, Metric.SECTOR_LOSS_MAILS_LOST));
        assertThat(s.incidents()).extracting(i -> i.severity()).containsOnly(Severity.SECTOR_LOSS);
        assertThat(s.probability(Severity.ARRAY_LOSS).boundOnly()).isTrue();
    }

    @Test
    void usersWithLossCountsEachUserOnceAcrossLossesAndClasses() {
        // The group is lost twice (at 100 h and, after its replacement, at 500 h) and every disk of a second
        // group meets bad sectors: without backups each array loss hits all 1,000 users of group 0, once.
        PortalSpec spec = spec(PORTAL.replace("ure: 0", "ure: 1e-12") + """
                faults:
                  - {at: 99h, kind: disk-failure, group: 0, array: 0, disk: 0}
                  - {at: 100h, kind: disk-failure, group: 0, array: 0, disk: 1}
                  - {at: 499h, kind: disk-failure, group: 0, array: 0, disk: 2}
                  - {at: 500h, kind: disk-failure, group: 0, array: 0, disk: 3}
                  - {at: 100h, kind: disk-failure, group: 1, array: 0, disk: 0}
                """);
        RunStatistics s = run(spec);
        assertThat(mean(s, Metric.ARRAY_LOSS_EVENTS)).isEqualTo(2);
        assertThat(mean(s, Metric.ARRAY_LOSS_USERS_WITH_LOSS)).isCloseTo(1_000, within(1e-9));
        double sector = mean(s, Metric.SECTOR_LOSS_USERS_WITH_LOSS);
        assertThat(sector).isPositive();
        assertThat(mean(s, Metric.USERS_WITH_LOSS)).isLessThanOrEqualTo(4_000)
                .isLessThanOrEqualTo(1_000 + sector + 1e-9);
    }
}

package org.mailsim.model.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.mailsim.run.Metric;
import org.mailsim.run.ReplicationResult;

class MailServiceTest {
    private static final double RECEIVED_PER_DAY = 24; // one mail an hour with a flat profile
    private static final double DELETED_PER_DAY = 12;
    private static final double SENT_PER_DAY = 6;

    /** Flat profile, no growth: every integral is a product, computable by hand. */
    private static MailConfig flatConfig(long... usersPerGroup) {
        TrafficProfile traffic = new TrafficProfile(RECEIVED_PER_DAY, SENT_PER_DAY, DELETED_PER_DAY, 0,
                WeeklyProfile.flat());
        return MailConfig.defaults(1, 1).withSharding(new Sharding(usersPerGroup)).withTraffic(traffic);
    }

    @Test
    void scriptedGroupOutageLongerThanTheQueueLifetime() {
        long u = 2_000;
        MailService mail = new MailService(flatConfig(1_000, u, 3_000));
        double a = 30.5;
        double d = 150; // longer than the 120 h queue lifetime
        mail.groupUnavailable(1, a);
        mail.groupAvailable(1, a + d, true);
        MailService.MailMetrics m = mail.metricsAt(400);
        // One mail per user per hour: deferred = U * D, bounced = U * (D - 120), user-hours = U * D.
        assertThat(m.mailsDeferred()).isCloseTo(u * d, within(1e-6));
        assertThat(m.mailsBounced()).isCloseTo(u * (d - 120), within(1e-6));
        assertThat(m.userHoursUnavailable()).isCloseTo(u * d, within(1e-6));
        // Sending failed for the same users over the same stretch, at 6 a day.
        assertThat(m.failedSends()).isCloseTo(u * d * SENT_PER_DAY / 24, within(1e-6));
        assertThat(mail.onReplacementStorage(1)).isTrue();

        ReplicationResult.Builder builder = new ReplicationResult.Builder();
        mail.contributeTo(builder, 400);
        ReplicationResult result = builder.build();
        assertThat(result.metric(Metric.MAILS_DEFERRED)).isCloseTo(u * d, within(1e-6));
        assertThat(result.metric(Metric.MAILS_BOUNCED)).isCloseTo(u * (d - 120), within(1e-6));
        assertThat(result.metric(Metric.USER_HOURS_UNAVAILABLE)).isCloseTo(u * d, within(1e-6));
    }

    @Test
    void scriptedOutageWithTheMeasuredProfileAndGrowth() {
        MailConfig config = MailConfig.defaults(30_000, 3).withQueueLifetime(48);
        MailService mail = new MailService(config);
        WeeklyRate inbound = config.traffic().receivedRate();
        double a = 1_000.25;
        double b = a + 72;
        mail.groupUnavailable(2, a);
        mail.groupAvailable(2, b, false);
        MailService.MailMetrics m = mail.metricsAt(b);
        assertThat(m.mailsDeferred()).isCloseTo(10_000 * inbound.integral(a, b), within(1e-6));
        assertThat(m.mailsBounced()).isCloseTo(10_000 * inbound.integral(a, b - 48), within(1e-6));
        assertThat(m.mailsBounced()).isPositive().isLessThan(m.mailsDeferred());
        assertThat(m.userHoursUnavailable()).isCloseTo(10_000 * 72, within(1e-6));
    }

    @Test
    void outageShorterThanTheQueueLifetimeBouncesNothingAndOpenOutagesCountAtTheHorizon() {
        MailService mail = new MailService(flatConfig(500, 500));
        mail.groupUnavailable(0, 10);
        mail.groupAvailable(0, 110, false);
        mail.groupUnavailable(1, 200);
        MailService.MailMetrics m = mail.metricsAt(350); // group 1 still down: 150 h so far
        assertThat(m.mailsDeferred()).isCloseTo(500 * 100 + 500 * 150, within(1e-6));
        assertThat(m.mailsBounced()).isCloseTo(500 * 30, within(1e-6));
        assertThat(m.userHoursUnavailable()).isCloseTo(500 * 100 + 500 * 150, within(1e-6));
        // Repeated signals are idempotent.
        mail.groupUnavailable(1, 360);
        assertThat(mail.metricsAt(360).mailsDeferred()).isCloseTo(500 * 100 + 500 * 160, within(1e-6));
    }

    @Test
    void databaseOutageBlocksEveryoneAndMergesWithAGroupOutage() {
        MailService mail = new MailService(flatConfig(1_000, 2_000));
        double total = 0;
        final double[] listened = new double[2];
        mail.setInboundListener((g, from, to, deferred, bounced) -> {
            listened[0] += deferred;
            listened[1] += bounced;
        });
        mail.groupUnavailable(0, 10);
        mail.databaseFailedSlots(1, 30);
        mail.groupAvailable(0, 50, false); // still blocked by the database
        assertThat(mail.takesMail(0)).isFalse();
        mail.databaseFailedSlots(0, 70);
        assertThat(mail.takesMail(0)).isTrue();
        MailService.MailMetrics m = mail.metricsAt(100);
        // Group 0 blocked over one stretch [10, 70], group 1 over [30, 70].
        total = 1_000 * 60 + 2_000 * 40;
        assertThat(m.mailsDeferred()).isCloseTo(total, within(1e-6));
        assertThat(m.userHoursUnavailable()).isCloseTo(total, within(1e-6));
        assertThat(m.mailsBounced()).isZero();
        assertThat(listened[0]).isCloseTo(total, within(1e-6));
    }

    @Test
    void mtaOutageDefersEveryonesMailAndFailsEverySendButLeavesMailboxesReadable() {
        MailService mail = new MailService(flatConfig(1_000, 2_000, 3_000)); // 2 MTA servers by default
        double a = 12.5;
        double d = 130; // ten hours past the 120 h queue lifetime
        mail.mtaFailedSlots(1, 2); // one MX host of two out: the other carries the mail
        mail.mtaFailedSlots(0, 4);
        assertThat(mail.metricsAt(5).mailsDeferred()).isZero();
        mail.mtaFailedSlots(2, a);
        assertThat(mail.mtaDown()).isTrue();
        assertThat(mail.takesMail(0) || mail.takesMail(1) || mail.takesMail(2)).isFalse();
        mail.mtaFailedSlots(1, a + d); // one server back: mail flows again
        MailService.MailMetrics m = mail.metricsAt(300);
        // One mail per user-hour in, a quarter out, for all 6,000 users over D; what arrived in the first D - 120 h
        // waited longer than the senders' queues keep it.
        assertThat(m.mailsDeferred()).isCloseTo(6_000 * d, within(1e-6));
        assertThat(m.mailsBounced()).isCloseTo(6_000 * (d - 120), within(1e-6));
        assertThat(m.failedSends()).isCloseTo(6_000 * d * SENT_PER_DAY / 24, within(1e-6));
        assertThat(m.userHoursUnavailable()).isZero();

        ReplicationResult.Builder builder = new ReplicationResult.Builder();
        mail.contributeTo(builder, 300);
        assertThat(builder.build().metric(Metric.MAILS_FAILED_TO_SEND)).isCloseTo(6_000 * d / 4, within(1e-6));
    }

    @Test
    void mtaOutageMergesWithAGroupOutageAndSendsFailOnceForUsersCutOffTwice() {
        MailService mail = new MailService(flatConfig(1_000, 2_000));
        mail.groupUnavailable(0, 10);
        mail.mtaFailedSlots(2, 30);
        mail.groupAvailable(0, 60, false); // storage back, MTA still out
        assertThat(mail.takesMail(0)).isFalse();
        mail.mtaFailedSlots(0, 90);
        assertThat(mail.takesMail(0)).isTrue();
        MailService.MailMetrics m = mail.metricsAt(100);
        // Inbound: group 0 blocked over one stretch [10, 90], group 1 over [30, 90].
        assertThat(m.mailsDeferred()).isCloseTo(1_000 * 80 + 2_000 * 60, within(1e-6));
        // Mailboxes: only group 0's storage outage [10, 60]. Sends: group 0 over [10, 90], group 1 over [30, 90].
        assertThat(m.userHoursUnavailable()).isCloseTo(1_000 * 50, within(1e-6));
        assertThat(m.failedSends()).isCloseTo((1_000 * 80 + 2_000 * 60) * SENT_PER_DAY / 24, within(1e-6));
        // An MTA outage inside a database outage adds nothing.
        mail.databaseFailedSlots(1, 100);
        mail.mtaFailedSlots(2, 110);
        mail.mtaFailedSlots(0, 120);
        mail.databaseFailedSlots(0, 130);
        MailService.MailMetrics after = mail.metricsAt(130);
        assertThat(after.mailsDeferred() - m.mailsDeferred()).isCloseTo(3_000 * 30, within(1e-6));
        assertThat(after.failedSends() - m.failedSends()).isCloseTo(3_000 * 30 * SENT_PER_DAY / 24, within(1e-6));
    }

    @Test
    void webmailFailoverCutsOffItsShareOfUsersButNotInboundMail() {
        MailService mail = new MailService(flatConfig(4_000, 6_000));
        mail.webmailFailedSlots(2, 5); // 2 of the 10 default webmail servers
        mail.webmailFailedSlots(0, 10);
        mail.groupUnavailable(0, 20);
        mail.webmailFailedSlots(1, 20);
        mail.webmailFailedSlots(0, 30);
        mail.groupAvailable(0, 40, false);
        MailService.MailMetrics m = mail.metricsAt(50);
        // 20 % of 10,000 users for 5 h; then group 0 down 20 h, plus 10 % of the other 6,000 for 10 h.
        assertThat(m.userHoursUnavailable()).isCloseTo(0.2 * 10_000 * 5 + 4_000 * 20 + 0.1 * 6_000 * 10,
                within(1e-6));
        assertThat(m.mailsDeferred()).isCloseTo(4_000 * 20, within(1e-6));
    }

    @Test
    void groupsGrowWithNetTrafficAndTheQueueDrainsIntoStorage() {
        MailConfig config = flatConfig(1_000);
        MailService mail = new MailService(config);
        double initial = 1_000 * config.mailbox().meanMessages();
        assertThat(mail.files(0, 0)).isCloseTo(initial, within(1e-6));
        // Net half a mail per user-hour (24 received - 12 deleted a day).
        assertThat(mail.files(0, 100)).isCloseTo(initial + 1_000 * 0.5 * 100, within(1e-6));
        mail.groupUnavailable(0, 100);
        assertThat(mail.files(0, 200)).isCloseTo(initial + 50_000, within(1e-6));
        mail.groupAvailable(0, 250, false); // 150 h: 150 deferred per user, 30 bounced, 120 delivered
        assertThat(mail.files(0, 250)).isCloseTo(initial + 50_000 + 120_000, within(1e-6));
        assertThat(mail.bytes(0, 250)).isCloseTo(mail.files(0, 250) * config.mailbox().meanBytesPerMessage(),
                within(1e-3));
    }

    @Test
    void usersUntouchedByALossAverageOverMailboxSizes() {
        MailboxProfile mailbox = MailboxProfile.defaults();
        double[] m = sampleMailboxes(mailbox, 20261124L);
        int sample = m.length;
        MailService mail = new MailService(MailConfig.defaults(50_000, 1).withMailbox(mailbox));
        for (double q : new double[] {1e-4, 1e-2, 0.3}) {
            double sum = 0;
            double sumSq = 0;
            for (double messages : m) {
                double untouched = Math.pow(1 - q, messages);
                sum += untouched;
                sumSq += untouched * untouched;
            }
            double mean = sum / sample;
            double se = Math.sqrt((sumSq / sample - mean * mean) / sample);
            double untouched = mail.fractionOfUsersUntouched(0, 0, q);
            // 4.5 standard errors: a fixed seed, and a false failure chance below 1e-5 per case.
            assertThat(untouched).as("q = %s", q).isCloseTo(mean, within(4.5 * se));
            // The mean mailbox alone overstates the users hit.
            assertThat(untouched).isGreaterThan(Math.pow(1 - q, mailbox.meanMessages()));
        }
        assertThat(mail.fractionOfUsersUntouched(0, 0, 0)).isEqualTo(1);
        assertThat(mail.fractionOfUsersUntouched(0, 0, 1)).isEqualTo(0);
        assertThatThrownBy(() -> mail.fractionOfUsersUntouched(0, 0, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Messages per mailbox of 200,000 users drawn from {@code mailbox}. */
    private static double[] sampleMailboxes(MailboxProfile mailbox, long seed) {
        ContinuousSampler sizes = mailbox.messages().sampler(RandomSource.SPLIT_MIX_64.create(seed));
        double[] m = new double[200_000];
        for (int i = 0; i < m.length; i++) {
            m[i] = sizes.sample();
        }
        return m;
    }

    @Test
    void costIsTheSameForTenThousandAndTenMillionUsers() {
        long[] small = script(10_000);
        long[] large = script(10_000_000);
        assertThat(large).containsExactly(small);
    }

    /** Runs one fixed script of outages; returns {operations, groups}. Metrics scale with users. */
    private static long[] script(long users) {
        MailService mail = new MailService(MailConfig.defaults(users, 20));
        for (int i = 0; i < 10; i++) {
            double t = 500 + 300 * i;
            mail.groupUnavailable(i, t);
            mail.webmailFailedSlots(1, t + 1);
            mail.webmailFailedSlots(0, t + 1.1);
            mail.databaseFailedSlots(1, t + 3);
            mail.databaseFailedSlots(0, t + 3.5);
            mail.groupAvailable(i, t + 100 + 5 * i, true);
        }
        MailService.MailMetrics m = mail.metricsAt(8760);
        assertThat(m.mailsDeferred() / users).isPositive();
        return new long[] {mail.operations(), mail.groups()};
    }

    @Test
    void metricsScaleLinearlyWithUsers() {
        MailService.MailMetrics small = scriptMetrics(10_000);
        MailService.MailMetrics large = scriptMetrics(10_000_000);
        assertThat(large.mailsDeferred()).isCloseTo(1_000 * small.mailsDeferred(), within(1e-6 * large.mailsDeferred()));
        assertThat(large.userHoursUnavailable()).isCloseTo(1_000 * small.userHoursUnavailable(),
                within(1e-6 * large.userHoursUnavailable()));
    }

    private static MailService.MailMetrics scriptMetrics(long users) {
        MailService mail = new MailService(MailConfig.defaults(users, 4));
        mail.groupUnavailable(1, 40);
        mail.groupAvailable(1, 200, true);
        mail.databaseFailedSlots(1, 300);
        mail.databaseFailedSlots(0, 301);
        return mail.metricsAt(1000);
    }
}

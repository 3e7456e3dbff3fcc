package org.mailsim.model.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mailsim.engine.Simulator;
import org.mailsim.random.Distributions;
import org.mailsim.random.RandomStreams;

class ServiceTierTest {
    @Test
    void databaseFailoversMatchTheRenewalRateAndFeedUserHoursExactly() {
        double mtbf = 100;
        double failover = 1;
        double horizon = 100_000;
        TierConfig database = new TierConfig("database", 1, Distributions.exponential(mtbf),
                Distributions.deterministic(failover));
        TierConfig quietWebmail = new TierConfig("webmail", 4, Distributions.exponential(1e12),
                Distributions.deterministic(0.1));
        long users = 50_000;
        MailConfig config = MailConfig.defaults(users, 5).withTiers(quietWebmail, database)
                .withTraffic(new TrafficProfile(24, 0, 0, 0, WeeklyProfile.flat()));
        MailService mail = new MailService(config);
        Simulator simulator = new Simulator();
        ServiceTier[] tiers = startTiers(mail, config, simulator, RandomStreams.forReplication(42, 0));
        simulator.run(horizon);
        ServiceTier db = tiers[1];

        // Renewal cycles of mean length mtbf + failover: the down fraction is failover / (mtbf + failover).
        // Its standard error over n cycles is about (failover / cycle) * CV(cycle) / sqrt(n).
        double cycle = mtbf + failover;
        double n = horizon / cycle;
        double fraction = db.downSlotHours() / horizon;
        double se = (failover / cycle) * (mtbf / cycle) / Math.sqrt(n);
        assertThat(fraction).isCloseTo(failover / cycle, within(4 * se));
        assertThat((double) db.failures()).isCloseTo(n, within(4 * Math.sqrt(n)));

        // Every database outage blocks every user and all inbound mail (one mail per user-hour).
        MailService.MailMetrics m = mail.metricsAt(horizon);
        assertThat(m.userHoursUnavailable()).isCloseTo(users * db.downSlotHours(), within(1e-6 * users));
        assertThat(m.mailsDeferred()).isCloseTo(users * db.downSlotHours(), within(1e-6 * users));
        assertThat(m.mailsBounced()).isZero();
        assertThat(tiers[0].failures()).isZero();
        assertThat(tiers[2].failures()).as("the default MTA does not fail at random").isZero();
        assertThat(m.failedSends()).isZero(); // no mail sent in this profile
    }

    @Test
    void webmailFailuresCutOffTheirShareOfUsers() {
        TierConfig webmail = new TierConfig("webmail", 10, Distributions.exponential(200),
                Distributions.exponential(2));
        TierConfig quietDatabase = new TierConfig("database", 1, Distributions.exponential(1e12),
                Distributions.deterministic(1));
        long users = 10_000;
        MailConfig config = MailConfig.defaults(users, 2).withTiers(webmail, quietDatabase);
        MailService mail = new MailService(config);
        Simulator simulator = new Simulator();
        ServiceTier[] tiers = startTiers(mail, config, simulator, RandomStreams.forReplication(7, 3));
        simulator.run(50_000);
        MailService.MailMetrics m = mail.metricsAt(50_000);
        // Each failing slot cuts off a tenth of the users: user-hours = users / 10 * slot-hours down.
        assertThat(m.userHoursUnavailable()).isCloseTo(users / 10.0 * tiers[0].downSlotHours(), within(1e-3));
        assertThat(m.mailsDeferred()).isZero();
        assertThat(tiers[0].failures()).isPositive();
    }

    /** The three tiers on their own streams, wired straight to the service (the portal adds scripted outages). */
    private static ServiceTier[] startTiers(MailService mail, MailConfig config, Simulator simulator,
                                            RandomStreams streams) {
        ServiceTier[] tiers = {
            new ServiceTier(config.webmail(), simulator, streams.stream("mail.webmail"), mail::webmailFailedSlots),
            new ServiceTier(config.database(), simulator, streams.stream("mail.database"), mail::databaseFailedSlots),
            new ServiceTier(config.mta(), simulator, streams.stream("mail.mta"), mail::mtaFailedSlots)};
        for (ServiceTier tier : tiers) {
            tier.start();
        }
        return tiers;
    }
}

package org.mailsim.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailsim.run.Metric;
import org.mailsim.run.ReplicationRunner;
import org.mailsim.run.RunStatistics;
import org.mailsim.scenario.Scenario;
import org.mailsim.stats.MetricSummary;

/** The MTA tier from scenario keys to metrics: scripted outages by hand, random failures against their chain. */
class MtaTierTest {
    private static final double Z95 = 1.959964;
    private static final double Z999 = 3.290527;

    private static final String PORTAL = """
            name: mta
            horizon: 30d
            replications: 1
            storage:
              groups: 4
              raid: {level: raid6, width: 8}
              disk: {capacity: 4TB, lifetime: 1000y}
            users: {count: 100000}
            """;

    private static PortalSpec spec(String yaml, String... sets) {
        return ScenarioBinding.bind(Scenario.parse(yaml, "mta.yaml", Path.of("."), List.of(sets)));
    }

    private static RunStatistics run(String yaml, String... sets) {
        return new PortalExperiment(spec(yaml, sets)).run(2, ReplicationRunner.Progress.NONE).statistics();
    }

    @Test
    void scriptedMtaOutageDefersEveryUsersInboundMailAndFailsTheirSends() {
        // Nights (0-8 h) at 1, working hours (8-18 h) at 4, evenings at 2: a mean of 60 / 24 = 2.5, so at 24
        // received a day a user gets 0.4, 1.6 and 0.8 mails in those hours, 24 a day.
        RunStatistics stats = run(PORTAL + """
                randomFailures: false
                traffic:
                  received: 24/d
                  sent: 6/d
                  growth: 0
                  hourlyProfile: [1, 1, 1, 1, 1, 1, 1, 1, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 2, 2, 2, 2, 2, 2]
                faults:
                  - {at: 6h, kind: tier-outage, tier: mta, duration: 130h}
                """);
        // Down over [6 h, 136 h]: five whole days (5 x 24 = 120 per user), then hours 6-7 of day 6 (2 x 0.4) and
        // 8-15 (8 x 1.6): 133.6 per user. Bounced: what arrived before 136 - 120 = 16 h, i.e. hours 6-7 and 8-15
        // of the first day: 0.8 + 12.8 = 13.6 per user. Sends follow the same shape at a quarter of the volume.
        double users = 100_000;
        assertThat(mean(stats, Metric.MAILS_DEFERRED)).isCloseTo(users * 133.6, within(1e-3));
        assertThat(mean(stats, Metric.MAILS_BOUNCED)).isCloseTo(users * 13.6, within(1e-3));
        assertThat(mean(stats, Metric.MAILS_FAILED_TO_SEND)).isCloseTo(users * 133.6 / 4, within(1e-3));
        // Users still read their mailboxes, and no storage incident is opened.
        assertThat(mean(stats, Metric.USER_HOURS_UNAVAILABLE)).isZero();
        assertThat(stats.incidentCount()).isZero();
    }

    @Test
    void scriptedMtaOutageOnTopOfADatabaseOutageCountsEachSendOnce() {
        // Flat traffic, one mail in and a quarter out per user-hour. Database down [10 h, 30 h] (no access, no
        // mail), MTA down [20 h, 50 h]: inbound blocked [10 h, 50 h] for everyone, sends failing over the same 40 h,
        // mailboxes unreadable only while the database is down.
        RunStatistics stats = run(PORTAL + """
                randomFailures: false
                traffic: {received: 24/d, sent: 6/d, growth: 0, hourlyProfile: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}
                faults:
                  - {at: 10h, kind: tier-outage, tier: database, duration: 20h}
                  - {at: 20h, kind: tier-outage, tier: mta, duration: 30h}
                """);
        assertThat(mean(stats, Metric.MAILS_DEFERRED)).isCloseTo(100_000 * 40.0, within(1e-3));
        assertThat(mean(stats, Metric.MAILS_FAILED_TO_SEND)).isCloseTo(100_000 * 40.0 / 4, within(1e-3));
        assertThat(mean(stats, Metric.USER_HOURS_UNAVAILABLE)).isCloseTo(100_000 * 20.0, within(1e-3));
        assertThat(mean(stats, Metric.MAILS_BOUNCED)).isZero();
    }

    @Test
    void randomMtaFailuresStopMailForTheFractionOfTimeEveryServerIsOut() {
        // Two MTA servers, each failing after Exp(mean 100 h) and replaced after Exp(mean 10 h); nothing else fails.
        // Each server is an independent two-state chain, out at time t with probability
        // q(t) = p (1 - e^(-r t)), p = lambda / (lambda + mu), r = lambda + mu, starting up. Mail stops only while
        // both are out, so the expected hours without an MTA over [0, T] are the integral of q(t)^2:
        // p^2 (T - 2 (1 - e^(-r T)) / r + (1 - e^(-2 r T)) / (2 r)); the long-run fraction is p^2 = (10 / 110)^2.
        double lambda = 1 / 100.0;
        double mu = 1 / 10.0;
        double horizon = 8760;
        int replications = 400;
        double p = lambda / (lambda + mu);
        double r = lambda + mu;
        double expectedDownHours = p * p * (horizon - 2 * (1 - Math.exp(-r * horizon)) / r
                + (1 - Math.exp(-2 * r * horizon)) / (2 * r));
        RunStatistics stats = run(PORTAL + """
                traffic: {received: 24/d, sent: 6/d, growth: 0, hourlyProfile: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}
                tiers:
                  webmail: {lifetime: 1000y}
                  database: {lifetime: 1000y}
                  mta:
                    servers: 2
                    lifetime: {distribution: exponential, mean: 100h}
                    failover: {distribution: exponential, mean: 10h}
                """, "horizon=1y", "replications=" + replications);
        // One mail in per user-hour: mails deferred / users are the hours without an MTA.
        MetricSummary deferred = stats.summary(Metric.MAILS_DEFERRED);
        double users = 100_000;
        double fraction = deferred.mean() / users / horizon;
        double half999 = (deferred.ci95High() - deferred.mean()) / users / horizon * Z999 / Z95;
        System.out.printf(Locale.ROOT, "MTA 2 servers, Exp(100 h) up, Exp(10 h) failover: down fraction closed"
                        + " form %.5f (long run %.5f), simulated %.5f [%.5f, %.5f] over %d x 1 y%n",
                expectedDownHours / horizon, p * p, fraction, deferred.ci95Low() / users / horizon, deferred.ci95High() / users / horizon,
                replications);
        assertThat(Math.abs(fraction - expectedDownHours / horizon)).isLessThanOrEqualTo(half999);
        // A rule that stopped mail with one server out would give 1 - (1 - p)^2 = 0.17; with neither, zero.
        assertThat(half999).isLessThan(0.1 * p * p);
        // Sends fail over exactly the same hours (nothing else is down), and no bounce: outages last hours.
        assertThat(mean(stats, Metric.MAILS_FAILED_TO_SEND)).isCloseTo(deferred.mean() / 4, within(1e-6 * users));
        assertThat(mean(stats, Metric.MAILS_BOUNCED)).isZero();
        assertThat(mean(stats, Metric.USER_HOURS_UNAVAILABLE)).isZero();
    }

    @Test
    void randomMtaFailuresGiveTheSameResultsForAnyThreadCount() {
        PortalExperiment experiment = new PortalExperiment(spec(PORTAL + """
                tiers:
                  mta: {servers: 2, lifetime: {distribution: exponential, mean: 100h}, failover: 10h}
                """, "horizon=1y", "replications=24"));
        RunStatistics one = experiment.run(1, ReplicationRunner.Progress.NONE).statistics();
        RunStatistics three = experiment.run(3, ReplicationRunner.Progress.NONE).statistics();
        assertThat(one.summary(Metric.MAILS_DEFERRED).mean()).isPositive();
        for (Metric m : Metric.values()) {
            assertThat(three.summary(m)).as(m.key()).isEqualTo(one.summary(m));
        }
    }

    @Test
    void withoutAnMtaLifetimeTheMtaNeverFailsAtRandom() {
        RunStatistics stats = run(PORTAL + """
                tiers:
                  webmail: {lifetime: 1000y}
                  database: {lifetime: 1000y}
                """, "horizon=1y", "replications=20");
        assertThat(stats.summary(Metric.MAILS_DEFERRED).max()).isZero();
        assertThat(stats.summary(Metric.MAILS_FAILED_TO_SEND).max()).isZero();
    }

    private static double mean(RunStatistics stats, Metric metric) {
        return stats.summary(metric).mean();
    }
}

package org.mailsim.model.mail;

import org.mailsim.random.Distribution;
import org.mailsim.random.Distributions;

/**
 * A stateless or replicated service tier (webmail, database) as {@code activeServers} slots, each serving an
 * equal share of the users. A slot's server fails after a draw from {@code timeBetweenFailures}; its share of
 * users is cut off until failover completes (a draw from {@code failoverTime}: health-check detection and
 * switching to a standby or to the other servers), after which the slot serves again and draws its next failure.
 *
 * <p>Webmail: many active servers behind a load balancer, so one failure cuts off 1/n of the users for a few
 * minutes. Database: one active primary with a replica, so a failure cuts off everyone (accounts and settings
 * are needed to read, receive and send mail) until the replica is promoted.
 */
public record TierConfig(String name, int activeServers, Distribution timeBetweenFailures,
                         Distribution failoverTime) {
    public TierConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a tier needs a name");
        }
        if (activeServers <= 0) {
            throw new IllegalArgumentException("a tier needs at least one active server, got " + activeServers);
        }
        if (timeBetweenFailures == null || failoverTime == null) {
            throw new IllegalArgumentException("tier " + name + " needs timeBetweenFailures and failoverTime");
        }
    }

    /**
     * 10 webmail servers, each failing (hardware or software) once every 6 months on average (exponential),
     * failover by load-balancer health checks in about 5 minutes (exponential, mean 0.083 h). Assumptions.
     */
    public static TierConfig defaultWebmail() {
        return new TierConfig("webmail", 10, Distributions.exponential(4380), Distributions.exponential(5.0 / 60));
    }

    /**
     * One primary database failing once a year on average (exponential), promoted replica serving after 30
     * minutes on average (lognormal, median 20 min, sigma 0.9: usually quick, sometimes an hour or more when
     * promotion needs a human). Assumptions; the source post notes the database is usually well replicated.
     */
    public static TierConfig defaultDatabase() {
        return new TierConfig("database", 1, Distributions.exponential(8760),
                Distributions.logNormal(Math.log(20.0 / 60), 0.9));
    }
}

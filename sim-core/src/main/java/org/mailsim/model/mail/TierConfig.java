package org.mailsim.model.mail;

import org.mailsim.Hours;
import org.mailsim.random.Distribution;
import org.mailsim.random.Distributions;

/**
 * A stateless or replicated service tier (webmail, database, MTA) as {@code activeServers} slots. A slot's server
 * fails after a draw from {@code timeBetweenFailures}; the slot is out until failover completes (a draw from
 * {@code failoverTime}: health-check detection and switching to a standby, or replacing the server), after which
 * it serves again and draws its next failure. A null {@code timeBetweenFailures} means the servers do not fail at
 * random (only a scripted outage takes the tier down).
 *
 * <p>What a failed slot does to users is the tier's own rule ({@link MailService}):
 * <ul>
 *   <li>Webmail: many active servers behind a load balancer, each serving an equal share of the users, so one
 *       failure cuts off 1/n of the users for a few minutes.</li>
 *   <li>Database: one active primary with a replica, so a failure cuts off everyone (accounts and settings are
 *       needed to read, receive and send mail) until the replica is promoted.</li>
 *   <li>MTA: stateless send/receive servers, any one of which carries the mail: senders' MTAs try every MX host
 *       in turn (RFC 5321 section 5.1) and webmail submits to whichever server its balancer finds up. Mail stops
 *       only while every slot is out.</li>
 * </ul>
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
        if (failoverTime == null) {
            throw new IllegalArgumentException("tier " + name + " needs a failoverTime");
        }
    }

    /** True when the servers fail at random (a time between failures is given). */
    public boolean failsAtRandom() {
        return timeBetweenFailures != null;
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
        return new TierConfig("database", 1, Distributions.exponential(Hours.PER_YEAR),
                Distributions.logNormal(Math.log(20.0 / 60), 0.9));
    }

    /**
     * Two MTA servers (two MX hosts, the usual minimum) that do not fail at random unless a time between failures
     * is given: the source post describes them as stateless and replaced within minutes, so only a whole-tier
     * outage stops mail, and that is scripted. A replacement takes about 5 minutes (exponential, mean 0.083 h)
     * when random failures are turned on. Assumptions.
     */
    public static TierConfig defaultMta() {
        return new TierConfig("mta", 2, null, Distributions.exponential(5.0 / 60));
    }
}

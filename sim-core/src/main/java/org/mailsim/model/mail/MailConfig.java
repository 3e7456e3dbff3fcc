package org.mailsim.model.mail;

/**
 * Everything the mail layer needs: who is where, how big mailboxes are, how much mail flows, how long the senders'
 * MTAs keep deferred mail, and the service tiers.
 *
 * <p>{@code queueLifetimeHours} defaults to 5 days, the default of common MTAs (Postfix
 * {@code maximal_queue_lifetime = 5d}, Sendmail {@code Timeout.queuereturn = 5d}); senders' MTAs hold mail they
 * cannot deliver for as long, so a deferred message bounces once it has waited that long.
 */
public record MailConfig(Sharding sharding, MailboxProfile mailbox, TrafficProfile traffic,
                         double queueLifetimeHours, TierConfig webmail, TierConfig database, TierConfig mta) {
    public static final double DEFAULT_QUEUE_LIFETIME_HOURS = 5 * 24;

    public MailConfig {
        if (sharding == null || mailbox == null || traffic == null || webmail == null || database == null
                || mta == null) {
            throw new IllegalArgumentException("sharding, mailbox, traffic, webmail, database and mta are required");
        }
        if (!(queueLifetimeHours > 0)) {
            throw new IllegalArgumentException("queue lifetime must be positive, got " + queueLifetimeHours);
        }
    }

    /** {@code users} spread evenly over {@code groups} storage groups, with every other default. */
    public static MailConfig defaults(long users, int groups) {
        return new MailConfig(Sharding.even(users, groups), MailboxProfile.defaults(), TrafficProfile.defaults(),
                DEFAULT_QUEUE_LIFETIME_HOURS, TierConfig.defaultWebmail(), TierConfig.defaultDatabase(),
                TierConfig.defaultMta());
    }

    public MailConfig withSharding(Sharding s) {
        return new MailConfig(s, mailbox, traffic, queueLifetimeHours, webmail, database, mta);
    }

    public MailConfig withTraffic(TrafficProfile t) {
        return new MailConfig(sharding, mailbox, t, queueLifetimeHours, webmail, database, mta);
    }

    public MailConfig withMailbox(MailboxProfile m) {
        return new MailConfig(sharding, m, traffic, queueLifetimeHours, webmail, database, mta);
    }

    public MailConfig withQueueLifetime(double hours) {
        return new MailConfig(sharding, mailbox, traffic, hours, webmail, database, mta);
    }

    public MailConfig withTiers(TierConfig webmailTier, TierConfig databaseTier) {
        return new MailConfig(sharding, mailbox, traffic, queueLifetimeHours, webmailTier, databaseTier, mta);
    }

    public MailConfig withMta(TierConfig mtaTier) {
        return new MailConfig(sharding, mailbox, traffic, queueLifetimeHours, webmail, database, mtaTier);
    }
}

package org.mailsim.model.mail;

import java.util.Arrays;
import org.mailsim.run.Metric;
import org.mailsim.run.ReplicationResult;

/**
 * The users' view of one replication: storage groups with their mailboxes, the senders' MTA queues in front of
 * them, the MTA, webmail and database tiers, and the user-facing metrics.
 *
 * <p>State is kept per storage group (user counts, file counts, outage start), never per user, and traffic is
 * integrated exactly over the intervals between state changes ({@link WeeklyRate}), never one message at a time:
 * the work done per state change is O(1) per group touched whatever the number of users or messages.
 *
 * <p>Rules:
 * <ul>
 *   <li>A group <em>takes mail</em> while its storage (or its replacement storage) is up, the database is up and
 *   the MTA tier is up (at least one of its servers: senders try every MX host). While it does not, inbound mail
 *   for its users waits in the senders' MTA queues, and the group's files stand still (a model gap during an
 *   MTA-only outage, when users can still read and delete mail: their deletions are not counted). Over a blocked
 *   stretch [a, b], the mail deferred is N times the integral of the per-user inbound rate over [a, b]; the part that
 *   arrived before b - queueLifetime has waited longer than the queue lifetime and bounced. The rest is delivered
 *   when the group takes mail again.</li>
 *   <li>A user is <em>without mailbox access</em> (and cannot send) while the user's group's storage is down, the
 *   database is down, or the webmail server serving the user is failing over (a share failed/active of users,
 *   independent of the storage group). User-hours are integrated over those stretches.</li>
 *   <li>No one can send while the MTA tier is down (every server out); users keep reading their mailboxes. Failed
 *   sends are the per-user send rate integrated over every user who cannot send: all users while the MTA is
 *   down, else those without mailbox access.</li>
 * </ul>
 *
 * <p>Losses are not counted here: the operations layer ({@code org.mailsim.model.operations.IncidentResponse})
 * decides what a loss costs users, because only it knows what backups, the vendor and users' own exports saved.
 * This class only answers how a loss spreads over mailboxes ({@link #fractionOfUsersUntouched}).
 */
public final class MailService {
    /** Told when a group takes mail again, with what its outage did to inbound mail (for incident records). */
    @FunctionalInterface
    public interface InboundListener {
        void inboundRestored(int group, double blockedFrom, double restoredAt, double mailsDeferred,
                             double mailsBounced);
    }

    private final MailConfig config;
    private final WeeklyRate received;
    private final WeeklyRate sent;
    private final WeeklyRate netStored;
    private final double queueLifetime;
    private final double meanMessages;
    private final double meanBytesPerMessage;
    private final long totalUsers;
    private final int webmailSlots;
    private final int mtaSlots;

    // Per storage group.
    private final double[] users;
    private final boolean[] storageDown;
    private final boolean[] onReplacement;
    /** Start of the stretch in which the group has not taken mail; NaN while it takes mail. */
    private final double[] blockedSince;
    private final double[] filesAtMark;
    private final double[] markTime;
    private InboundListener inboundListener = (g, a, b, d, x) -> { };

    private long usersStorageDown;
    private boolean databaseDown;
    private boolean mtaDown;
    private int webmailFailed;
    private double lastAccrual;
    private double userHoursUnavailable;
    private double failedSends;
    private double mailsDeferred;
    private double mailsBounced;
    private long operations;

    public MailService(MailConfig config) {
        this.config = config;
        TrafficProfile traffic = config.traffic();
        this.received = traffic.receivedRate();
        this.sent = traffic.sentRate();
        this.netStored = traffic.netStoredRate();
        this.queueLifetime = config.queueLifetimeHours();
        this.meanMessages = config.mailbox().meanMessages();
        this.meanBytesPerMessage = config.mailbox().meanBytesPerMessage();
        this.totalUsers = config.sharding().totalUsers();
        this.webmailSlots = config.webmail().activeServers();
        this.mtaSlots = config.mta().activeServers();
        int groups = config.sharding().groups();
        users = new double[groups];
        storageDown = new boolean[groups];
        onReplacement = new boolean[groups];
        blockedSince = new double[groups];
        filesAtMark = new double[groups];
        markTime = new double[groups];
        Arrays.fill(blockedSince, Double.NaN);
        for (int g = 0; g < groups; g++) {
            users[g] = config.sharding().users(g);
            filesAtMark[g] = users[g] * meanMessages;
        }
    }

    public MailConfig config() {
        return config;
    }

    public void setInboundListener(InboundListener listener) {
        this.inboundListener = listener;
    }

    // ---- storage input ----

    /** The group's storage can no longer read or take mail (array failed, server down, taken offline). */
    public void groupUnavailable(int group, double t) {
        if (storageDown[group]) {
            return;
        }
        accrue(t);
        storageDown[group] = true;
        usersStorageDown += (long) users[group];
        syncInbound(group, t);
    }

    /**
     * The group takes mail again at {@code t}: its own storage is back, or, when {@code replacementStorage}, new
     * storage was provisioned and new mail goes there (the old mail comes back later, if at all, through restore,
     * vendor recovery and merge). Either way the MTA queue drains.
     */
    public void groupAvailable(int group, double t, boolean replacementStorage) {
        if (!storageDown[group]) {
            return;
        }
        accrue(t);
        storageDown[group] = false;
        onReplacement[group] = replacementStorage;
        usersStorageDown -= (long) users[group];
        syncInbound(group, t);
    }

    // ---- tiers ----

    /** The webmail tier has {@code failed} of its active servers failing over since {@code t}. */
    public void webmailFailedSlots(int failed, double t) {
        if (failed < 0 || failed > webmailSlots) {
            throw new IllegalArgumentException("failed webmail slots must be in [0, " + webmailSlots + "], got "
                    + failed);
        }
        accrue(t);
        webmailFailed = failed;
    }

    /** The database is down from {@code t} while any of its active slots fails over. */
    public void databaseFailedSlots(int failed, double t) {
        boolean down = failed > 0;
        if (down == databaseDown) {
            return;
        }
        accrue(t);
        databaseDown = down;
        for (int g = 0; g < users.length; g++) {
            syncInbound(g, t);
        }
    }

    /**
     * The MTA tier is down from {@code t} while all of its {@code activeServers} slots are failing over. With one
     * server left, senders' MTAs reach it as another MX host and webmail submits to it; the model assumes the
     * tier is sized with the headroom to carry the load on one server (an overloaded server answers with a
     * temporary error and senders retry, so throughput limits delay mail by minutes, not by queue lifetimes).
     */
    public void mtaFailedSlots(int failed, double t) {
        if (failed < 0 || failed > mtaSlots) {
            throw new IllegalArgumentException("failed MTA slots must be in [0, " + mtaSlots + "], got " + failed);
        }
        boolean down = failed == mtaSlots;
        if (down == mtaDown) {
            return;
        }
        accrue(t);
        mtaDown = down;
        for (int g = 0; g < users.length; g++) {
            syncInbound(g, t);
        }
    }

    // ---- queries ----

    /**
     * The fraction of the group's users none of whose messages is hit when each message stored at {@code t} is
     * lost independently with probability {@code q}: E[(1 - q)^(M + g)] over the mailbox-size distribution M, where
     * g is the group's growth per user since the start. The mean mailbox alone, (1 - q)^E[M + g], would overstate
     * the users hit (Jensen's inequality).
     */
    public double fractionOfUsersUntouched(int group, double t, double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("loss probability must be in [0, 1], got " + q);
        }
        double n = users[group];
        double files = files(group, t);
        if (n == 0 || q == 0 || files == 0) {
            return 1;
        }
        if (q == 1) {
            return 0;
        }
        return config.mailbox().meanSurvival(1 - q, Math.max(files / n - meanMessages, 0));
    }

    /** Messages (files) stored in the group at {@code t}: initial mailboxes plus net traffic. */
    public double files(int group, double t) {
        if (!Double.isNaN(blockedSince[group]) || t <= markTime[group]) {
            return filesAtMark[group];
        }
        operations++;
        return filesAtMark[group] + users[group] * netStored.integral(markTime[group], t);
    }

    /** Bytes stored in the group at {@code t}. */
    public double bytes(int group, double t) {
        return files(group, t) * meanBytesPerMessage;
    }

    public double users(int group) {
        return users[group];
    }

    public int groups() {
        return users.length;
    }

    public boolean takesMail(int group) {
        return Double.isNaN(blockedSince[group]);
    }

    public boolean onReplacementStorage(int group) {
        return onReplacement[group];
    }

    public boolean databaseDown() {
        return databaseDown;
    }

    public boolean mtaDown() {
        return mtaDown;
    }

    /** Users without mailbox access right now (expected, since webmail failures hit a share of users). */
    public double usersWithoutAccess() {
        if (databaseDown) {
            return totalUsers;
        }
        return usersStorageDown + (totalUsers - usersStorageDown) * (double) webmailFailed / webmailSlots;
    }

    /** Users who cannot send right now: everyone while the MTA is down, else those without mailbox access. */
    public double usersUnableToSend() {
        return mtaDown ? totalUsers : usersWithoutAccess();
    }

    /**
     * The metrics up to {@code t}, including outages still open at {@code t} (their deferred mail so far, and
     * the part of it that has already waited longer than the queue lifetime as bounced). Does not change state.
     */
    public MailMetrics metricsAt(double t) {
        checkTime(t);
        double hours = userHoursUnavailable + usersWithoutAccess() * (t - lastAccrual);
        double unableToSend = usersUnableToSend();
        double sends = failedSends + (unableToSend > 0 ? unableToSend * sent.integral(lastAccrual, t) : 0);
        double deferred = mailsDeferred;
        double bounced = mailsBounced;
        for (int g = 0; g < users.length; g++) {
            double a = blockedSince[g];
            if (!Double.isNaN(a)) {
                deferred += users[g] * received.integral(a, t);
                bounced += bouncedPerUser(a, t) * users[g];
            }
        }
        return new MailMetrics(hours, deferred, bounced, sends);
    }

    /** Adds this replication's mail metrics, up to {@code horizon}, to {@code result}. */
    public void contributeTo(ReplicationResult.Builder result, double horizon) {
        MailMetrics m = metricsAt(horizon);
        result.add(Metric.USER_HOURS_UNAVAILABLE, m.userHoursUnavailable())
                .add(Metric.MAILS_DEFERRED, m.mailsDeferred())
                .add(Metric.MAILS_BOUNCED, m.mailsBounced())
                .add(Metric.MAILS_FAILED_TO_SEND, m.failedSends());
    }

    /**
     * Rate integrals and quadratures evaluated so far: the unit of work of this class. It depends on the number
     * of groups and state changes, not on the number of users or messages.
     */
    public long operations() {
        return operations;
    }

    // ---- internals ----

    /** Blocks or unblocks the group's inbound mail to match its storage, the database and the MTA. */
    private void syncInbound(int group, double t) {
        boolean open = !storageDown[group] && !databaseDown && !mtaDown;
        if (open != takesMail(group)) {
            if (open) {
                unblockInbound(group, t);
            } else {
                blockInbound(group, t);
            }
        }
    }

    private void blockInbound(int group, double t) {
        filesAtMark[group] = files(group, t);
        markTime[group] = t;
        blockedSince[group] = t;
    }

    private void unblockInbound(int group, double t) {
        double a = blockedSince[group];
        double n = users[group];
        double deferred = n * receivedPerUser(a, t);
        double bounced = n * bouncedPerUser(a, t);
        mailsDeferred += deferred;
        mailsBounced += bounced;
        blockedSince[group] = Double.NaN;
        filesAtMark[group] += deferred - bounced; // the queue drains into the (replacement) storage
        markTime[group] = t;
        inboundListener.inboundRestored(group, a, t, deferred, bounced);
    }

    /** Per-user mail that arrived in [a, t - queueLifetime]: it has waited longer than the queue keeps mail. */
    private double bouncedPerUser(double a, double t) {
        double cutoff = t - queueLifetime;
        return cutoff > a ? receivedPerUser(a, cutoff) : 0;
    }

    private double receivedPerUser(double a, double b) {
        operations++;
        return received.integral(a, b);
    }

    /** Integrates user-hours and failed sends over the stretch since the last state change. */
    private void accrue(double t) {
        checkTime(t);
        if (t > lastAccrual) {
            userHoursUnavailable += usersWithoutAccess() * (t - lastAccrual);
            double unableToSend = usersUnableToSend();
            if (unableToSend > 0) {
                operations++;
                failedSends += unableToSend * sent.integral(lastAccrual, t);
            }
        }
        lastAccrual = t;
    }

    private void checkTime(double t) {
        if (!(t >= lastAccrual)) {
            throw new IllegalArgumentException("time went backwards: " + t + " h after " + lastAccrual + " h");
        }
    }

    /** The mail metrics at a point in time. Mails deferred include those that later bounced. */
    public record MailMetrics(double userHoursUnavailable, double mailsDeferred, double mailsBounced,
                              double failedSends) {
    }
}

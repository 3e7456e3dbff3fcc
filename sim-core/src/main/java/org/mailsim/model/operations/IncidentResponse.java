package org.mailsim.model.operations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.mailsim.engine.Event;
import org.mailsim.engine.Simulator;
import org.mailsim.run.Incident;
import org.mailsim.run.Metric;
import org.mailsim.run.ReplicationResult;
import org.mailsim.run.Severity;

/**
 * Runs the {@link Runbook} on the {@link Simulator} when storage fails, and records each episode as an
 * {@link Incident}.
 *
 * <p><b>Lost storage</b> ({@link #storageLost}): failure, detection ({@code detectionDelay}), on-call response, then
 * replacement storage is provisioned; when it is in service new mail goes there (send/receive back:
 * hoursToRestoreService). The old mail then comes back by these branches:
 * <ul>
 *   <li>a backup usable for this failure ({@link BackupSchedule}): restore into the replacement storage, starting
 *       when it is in service (and any off-site copy has been recalled), taking max(files / files/s,
 *       bytes / bytes/s) for the files the backup holds. Mail received since the recovery point is lost, unless the
 *       runbook also sends the disks to the vendor for that gap ({@code vendor.forBackupGap});</li>
 *   <li>no usable backup: the disks go to the vendor when an engineer is at work; after turnaround plus imaging the
 *       recoverable fraction comes back and is merged into the live storage (files / merge files/s) once the
 *       replacement storage is in service and any restore is done. The rest (bad sectors) is lost;</li>
 *   <li>neither: the old mail is lost; the incident closes when service is back.</li>
 * </ul>
 * hoursToFullRecovery runs to the end of the last of these. Durations come from the files and bytes of the failed
 * share of the group at the failure ({@link GroupContents}). The loss is decided at the failure and reported through
 * {@link RecoveryActions#mailLost}.
 *
 * <p><b>Unavailable storage without loss</b> ({@link #storageUnavailable} / {@link #storageAvailable}, e.g. disks
 * offline after a power or controller fault): an outage incident from unavailable to available. If the storage is
 * declared lost meanwhile, the outage escalates into a loss incident keeping its start and detection.
 *
 * <p><b>Bad sectors</b> ({@link #sectorsLost}): no outage; the affected files are restored from a usable backup
 * (those newer than its recovery point are lost), otherwise lost: a vendor cannot read a bad sector either.
 *
 * <p>A second loss on a group whose replacement storage is not yet in service joins the open incident (the failed
 * share grows and the data phases are recomputed); after that it opens a new incident. Engineer hours are
 * {@code staffing.whileDown} from detection until service is back plus {@code staffing.whileRecovering} from then
 * until closure, plus {@code diskReplacement.engineerHoursPerDisk} per {@link #diskReplaced}.
 *
 * <p><b>Users with loss</b> count each user once: per group and severity class, the chance that a user escaped
 * every loss is the product over the losses of (1 - users hit / users), losses hitting users independently of
 * one another (a whole-array loss without backup hits every user, so the product is then 0). A user who lost mail
 * to both classes counts once in the total.
 *
 * <p>Work happens once per failure (an object and two events per incident), never per backup slot or per mail; a
 * replication without incidents makes no sampler and no per-group state.
 */
public final class IncidentResponse {
    private final Simulator simulator;
    private final Runbook runbook;
    private final BackupSchedule backups;
    private final SelfBackup selfBackup;
    private final GroupContents contents;
    private final RecoveryActions actions;
    private final int replication;
    // The runbook's samplers on the component's stream, made at the first incident (most replications have none;
    // making them draws nothing, so when they are made changes no number).
    private final Supplier<? extends UniformRandomProvider> rng;
    private ContinuousSampler detection;
    private ContinuousSampler response;
    private ContinuousSampler provisioning;
    private ContinuousSampler turnaround;
    private ContinuousSampler recall;
    // Per group, made at the first incident too (a replication without incidents costs nothing per group): its
    // open episode, the episode awaiting the mail layer's inbound report, and the fraction of its users untouched
    // by any sector loss and by any array loss so far.
    private Episode[] open;
    private Episode[] awaitingInbound;
    private double[] untouchedBySectorLoss;
    private double[] untouchedByArrayLoss;
    private final List<Episode> episodes = new ArrayList<>();
    private final List<Incident> closed = new ArrayList<>();
    private long disksReplaced;

    /**
     * @param backups    the replication's backup schedule ({@code new BackupSchedule(BackupPolicy.NONE, contents)}
     *                   for none)
     * @param rng        the stream for this component's draws (e.g. {@code streams.stream("operations")})
     */
    public IncidentResponse(Simulator simulator, Runbook runbook, BackupSchedule backups, SelfBackup selfBackup,
                            GroupContents contents, RecoveryActions actions, UniformRandomProvider rng,
                            int replication) {
        this(simulator, runbook, backups, selfBackup, contents, actions, constant(rng), replication);
    }

    private static Supplier<UniformRandomProvider> constant(UniformRandomProvider rng) {
        Objects.requireNonNull(rng, "rng");
        return () -> rng;
    }

    /**
     * As above, the stream made by {@code rng} (called once, at the first incident, if any): a replication without
     * incidents does not make it.
     */
    public IncidentResponse(Simulator simulator, Runbook runbook, BackupSchedule backups, SelfBackup selfBackup,
                            GroupContents contents, RecoveryActions actions,
                            Supplier<? extends UniformRandomProvider> rng, int replication) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.runbook = Objects.requireNonNull(runbook, "runbook");
        this.backups = Objects.requireNonNull(backups, "backups");
        this.selfBackup = Objects.requireNonNull(selfBackup, "self-backup");
        this.contents = Objects.requireNonNull(contents, "group contents");
        this.actions = Objects.requireNonNull(actions, "recovery actions");
        this.replication = replication;
        this.rng = Objects.requireNonNull(rng, "rng");
    }

    /** Makes the per-group state, once, before the first incident opens. */
    private void groupState() {
        if (open != null) {
            return;
        }
        int groups = contents.groups();
        open = new Episode[groups];
        awaitingInbound = new Episode[groups];
        untouchedBySectorLoss = new double[groups];
        untouchedByArrayLoss = new double[groups];
        java.util.Arrays.fill(untouchedBySectorLoss, 1);
        java.util.Arrays.fill(untouchedByArrayLoss, 1);
    }

    /** Makes the samplers, once, before the first draw. */
    private void samplers() {
        if (detection != null) {
            return;
        }
        UniformRandomProvider stream = rng.get();
        detection = runbook.detectionDelay().sampler(stream);
        response = runbook.onCallResponse().sampler(stream);
        provisioning = runbook.provisioning().time().sampler(stream);
        turnaround = runbook.vendor().turnaround().sampler(stream);
        recall = runbook.restore().offsiteRecall().sampler(stream);
    }

    // ---- input: storage model ----

    /**
     * Storage holding {@code shareOfGroup} of the group's mail (1 for a group on one array; 1/arrays when one of
     * several arrays is lost) lost its data now, destroying what {@code scope} says.
     */
    public void storageLost(int group, String cause, double shareOfGroup, FailureScope scope) {
        Throughput.requireFraction("share of group", shareOfGroup);
        groupState();
        double t = simulator.now();
        Episode e = open[group];
        if (e != null && e.kind == Kind.LOSS && e.serviceAt > t) {
            if (!e.cause.equals(cause)) {
                e.cause = e.cause + "+" + cause;
            }
            e.share = Math.min(1, e.share + shareOfGroup);
            if (scope == FailureScope.SITE) {
                e.scope = scope;
            }
            assessLoss(e, t, shareOfGroup);
            plan(e);
            e.serviceHandle = simulator.reschedule(e.serviceHandle, e.serviceAt);
            e.closeHandle = simulator.reschedule(e.closeHandle, e.closeAt);
            return;
        }
        if (e == null || e.kind != Kind.OUTAGE) {
            e = openEpisode(group, cause, t);
        } else {
            e.cause = cause;
        }
        e.kind = Kind.LOSS;
        e.lossAt = t;
        e.share = shareOfGroup;
        e.scope = scope;
        e.usersAffected = contents.users(group);
        samplers();
        e.provisionDraw = provisioning.sample();
        e.turnaroundDraw = turnaround.sample();
        e.recallDraw = recall.sample();
        assessLoss(e, t, shareOfGroup);
        plan(e);
        e.serviceHandle = simulator.scheduleAt(e.serviceAt, e.serviceEvent);
        e.closeHandle = simulator.scheduleAt(e.closeAt, e.closeEvent);
    }

    /** The group's storage stopped serving data now without (yet) losing it. */
    public void storageUnavailable(int group, String cause) {
        groupState();
        if (open[group] == null) {
            Episode e = openEpisode(group, cause, simulator.now());
            e.kind = Kind.OUTAGE;
            e.usersAffected = contents.users(group);
        }
    }

    /** The group's own storage serves data again (ignored for groups whose storage was lost). */
    public void storageAvailable(int group) {
        Episode e = open == null ? null : open[group];
        if (e == null || e.kind != Kind.OUTAGE) {
            return;
        }
        double t = simulator.now();
        e.serviceAt = t;
        e.closeAt = t;
        open[group] = null;
        awaitingInbound[group] = e;
        // Close after the mail layer, told in the same instant, has reported the deferred and bounced mail.
        e.closeHandle = simulator.schedule(0, e.closeEvent);
    }

    /** {@code bytes} of the group's mail became unreadable now (latent sector errors or an URE with no redundancy). */
    public void sectorsLost(int group, String cause, double bytes) {
        double t = simulator.now();
        double groupBytes = contents.bytes(group, t);
        double share = groupBytes > 0 ? Math.min(1, bytes / groupBytes) : 0;
        groupState();
        Episode e = new Episode(group, cause, t);
        episodes.add(e);
        e.kind = Kind.SECTORS;
        samplers();
        e.detectedAt = t + detection.sample();
        e.respondingAt = e.detectedAt + response.sample();
        e.lossAt = t;
        e.share = share;
        e.scope = FailureScope.ARRAY;
        LossVerdict verdict = assessLoss(e, t, share);
        e.usersAffected = verdict.expectedUsersWithLoss();
        plan(e);
        e.closeHandle = simulator.scheduleAt(e.closeAt, e.closeEvent);
    }

    /** A failed disk was replaced (for engineer hours; the storage model times the replacement itself). */
    public void diskReplaced(int group) {
        disksReplaced++;
    }

    // ---- input: mail layer ----

    /** The mail layer's report when a group takes mail again: what its outage did to inbound mail. */
    public void inboundRestored(int group, double blockedFrom, double restoredAt, double mailsDeferred,
                                double mailsBounced) {
        if (open == null) {
            return; // no incident yet
        }
        Episode e = awaitingInbound[group] != null ? awaitingInbound[group] : open[group];
        if (e != null) {
            e.deferred += mailsDeferred;
            e.bounced += mailsBounced;
        }
    }

    // ---- output ----

    /** Incidents closed so far, in closing order. */
    public List<Incident> incidents() {
        return Collections.unmodifiableList(closed);
    }

    /** Every incident opened so far, closed or not; open ones as planned (their phases may end in the future). */
    public List<Incident> allIncidents() {
        List<Incident> all = new ArrayList<>(episodes.size());
        for (Episode e : episodes) {
            all.add(e.incident != null ? e.incident : toIncident(e));
        }
        return all;
    }

    /** Engineer hours of all incidents opened so far (as planned) and of disk replacements. */
    public double engineerHours() {
        double hours = disksReplaced * runbook.diskReplacement().engineerHoursPerDisk();
        for (Episode e : episodes) {
            hours += engineerHours(e);
        }
        return hours;
    }

    /** Vendor fees of all incidents opened so far. */
    public double vendorFees() {
        double fees = 0;
        for (Episode e : episodes) {
            fees += runbook.vendor().fee(e.vendorBytes);
        }
        return fees;
    }

    /** Bytes sent to the vendor. */
    public double vendorBytes() {
        double bytes = 0;
        for (Episode e : episodes) {
            bytes += e.vendorBytes;
        }
        return bytes;
    }

    public long disksReplaced() {
        return disksReplaced;
    }

    /** This layer's expected mails lost over all incidents (including self-backups). */
    public double expectedMailsLost() {
        return expectedMailsLost(Kind.LOSS) + expectedMailsLost(Kind.SECTORS);
    }

    private double expectedMailsLost(Kind kind) {
        double lost = 0;
        for (Episode e : episodes) {
            if (e.kind == kind) {
                lost += e.mailsLost;
            }
        }
        return lost;
    }

    /** Expected distinct users who lost mail to any incident so far (each user counted once). */
    public double expectedUsersWithLoss() {
        double users = 0;
        if (untouchedByArrayLoss == null) {
            return users; // no incident yet
        }
        for (int g = 0; g < untouchedByArrayLoss.length; g++) {
            users += contents.users(g) * (1 - untouchedBySectorLoss[g] * untouchedByArrayLoss[g]);
        }
        return users;
    }

    private double expectedUsersWithLoss(double[] untouched) {
        double users = 0;
        if (untouched == null) {
            return users; // no incident yet
        }
        for (int g = 0; g < untouched.length; g++) {
            users += contents.users(g) * (1 - untouched[g]);
        }
        return users;
    }

    /**
     * Adds every incident (open ones as planned, see {@link #allIncidents}) to the replication's result, with the
     * mail lost and users with loss, in total and per severity class, and the outages that lost nothing.
     */
    public void contributeTo(ReplicationResult.Builder result) {
        long outages = 0;
        double outageUsers = 0;
        for (Episode e : episodes) {
            if (e.kind == Kind.OUTAGE) {
                outages++;
                outageUsers += e.usersAffected;
            }
        }
        for (Episode e : episodes) {
            result.incident(e.incident != null ? e.incident : toIncident(e)); // as allIncidents() lists them
        }
        result.add(Metric.MAILS_LOST, expectedMailsLost())
                .add(Metric.USERS_WITH_LOSS, expectedUsersWithLoss())
                .add(Metric.SECTOR_LOSS_MAILS_LOST, expectedMailsLost(Kind.SECTORS))
                .add(Metric.SECTOR_LOSS_USERS_WITH_LOSS, expectedUsersWithLoss(untouchedBySectorLoss))
                .add(Metric.ARRAY_LOSS_MAILS_LOST, expectedMailsLost(Kind.LOSS))
                .add(Metric.ARRAY_LOSS_USERS_WITH_LOSS, expectedUsersWithLoss(untouchedByArrayLoss))
                .add(Metric.OUTAGES_WITHOUT_LOSS, outages)
                .add(Metric.OUTAGE_USERS_AFFECTED, outageUsers);
    }

    // ---- mechanics ----

    private enum Kind { OUTAGE, LOSS, SECTORS }

    private Episode openEpisode(int group, String cause, double t) {
        Episode e = new Episode(group, cause, t);
        samplers();
        e.detectedAt = t + detection.sample();
        e.respondingAt = e.detectedAt + response.sample();
        open[group] = e;
        episodes.add(e);
        return e;
    }

    /** Decides the mail lost to {@code share} of the group failing at {@code t}, and reports it. */
    private LossVerdict assessLoss(Episode e, double t, double share) {
        int g = e.group;
        double users = contents.users(g);
        double files = share * contents.files(g, t);
        double recoveryPoint = backups.lastRecoveryPoint(g, t, e.scope);
        boolean backedUp = recoveryPoint != Double.NEGATIVE_INFINITY;
        double exposed = backedUp ? Math.min(files, share * contents.filesWritten(g, recoveryPoint, t)) : files;
        boolean vendor = e.kind == Kind.LOSS && runbook.vendor().available()
                && (!backedUp || runbook.vendor().forBackupGap());
        double fractionLost = vendor ? 1 - runbook.vendor().recoverableFraction() : 1;
        double window = backedUp ? t - recoveryPoint : Double.POSITIVE_INFINITY;

        // Per-user rate at which mail that would be lost arrived, over the last self-backup interval.
        double n = selfBackup.intervalHours();
        double from = Math.max(0, t - n);
        double writtenPerHour = t > from ? contents.filesWritten(g, from, t) / (t - from) : 0;
        double k = users > 0 ? writtenPerHour * share * fractionLost / users : 0;
        double p = selfBackup.fractionOfUsers();

        double ownersLost = (1 - p) * fractionLost * exposed;
        double exportersLost = p * Math.min(fractionLost * exposed,
                users * k * selfBackup.expectedUnexportedHours(window));
        double ownersHit;
        if (backedUp) {
            // The mail lost is what arrived since the recovery point; a user's share of it is Poisson.
            ownersHit = users > 0 ? -Math.expm1(-fractionLost * exposed / users) : 0;
        } else {
            // Whole mailboxes exposed: share * fractionLost of the files is lost, scattered (each file on its own)
            // or, when the runbook says how long the vendor's unreadable runs are, in runs of adjacent files.
            double q = Math.min(1, share * fractionLost);
            double run = vendor ? runbook.vendor().lossRunBytes() : 0;
            double bytesPerFile = contents.files(g, t) > 0 ? contents.bytes(g, t) / contents.files(g, t) : 0;
            ownersHit = users <= 0 ? 0 : 1 - (run > 0 && bytesPerFile > 0
                    ? contents.fractionOfUsersUntouchedByRuns(g, t, q, run / bytesPerFile)
                    : contents.fractionOfUsersUntouched(g, t, q));
        }
        double usersWithLoss = users * ((1 - p) * ownersHit + p * selfBackup.probabilityOfLoss(k, window));

        LossVerdict verdict = new LossVerdict(g, t, share, recoveryPoint, fractionLost, ownersLost + exportersLost,
                usersWithLoss);
        e.mailsLost += verdict.expectedMailsLost();
        double[] untouched = e.kind == Kind.SECTORS ? untouchedBySectorLoss : untouchedByArrayLoss;
        if (users > 0) {
            untouched[g] *= 1 - Math.min(1, usersWithLoss / users);
        }
        // A second loss joining the incident hits users independently of the first: combine the chances of having
        // lost nothing, so the count never exceeds the group's users.
        e.usersWithLoss = users > 0
                ? users * (1 - (1 - Math.min(1, e.usersWithLoss / users)) * (1 - Math.min(1, usersWithLoss / users)))
                : 0;
        actions.mailLost(verdict);
        return verdict;
    }

    /** Computes the phases after the loss from the failed share's contents at the (first) loss time. */
    private void plan(Episode e) {
        int g = e.group;
        double t = e.lossAt;
        double files = e.share * contents.files(g, t);
        double bytes = e.share * contents.bytes(g, t);
        double recoveryPoint = backups.lastRecoveryPoint(g, t, e.scope);
        boolean backedUp = recoveryPoint != Double.NEGATIVE_INFINITY;
        double gapFiles = backedUp ? Math.min(files, e.share * contents.filesWritten(g, recoveryPoint, t)) : files;
        double gapBytes = files > 0 ? gapFiles * bytes / files : 0;
        Runbook.Vendor vendor = runbook.vendor();
        e.restoreStart = Double.NaN;
        e.restoreEnd = Double.NaN;

        if (e.kind == Kind.SECTORS) {
            e.serviceAt = e.lossAt;
            if (backedUp) {
                e.restoreStart = e.respondingAt;
                e.restoreEnd = e.restoreStart + runbook.restore().hours(files - gapFiles, bytes - gapBytes,
                        backups.policy().blockLevelRestore());
                e.closeAt = e.restoreEnd;
            } else {
                e.closeAt = e.respondingAt;
            }
            return;
        }

        e.provisionStart = Math.max(e.respondingAt, t);
        e.serviceAt = e.provisionStart + e.provisionDraw;
        double last = e.serviceAt;
        double restoreEnd = Double.NEGATIVE_INFINITY;
        if (backedUp) {
            double recalled = backups.restoresFromOffsite(e.scope) ? e.respondingAt + e.recallDraw
                    : Double.NEGATIVE_INFINITY;
            e.restoreStart = Math.max(e.serviceAt, recalled);
            e.restoreEnd = e.restoreStart + runbook.restore().hours(files - gapFiles, bytes - gapBytes,
                    backups.policy().blockLevelRestore());
            restoreEnd = e.restoreEnd;
            last = Math.max(last, restoreEnd);
        }
        boolean useVendor = vendor.available() && (!backedUp || (vendor.forBackupGap() && gapFiles > 0));
        if (useVendor) {
            e.vendorStart = e.provisionStart;
            e.vendorEnd = e.vendorStart + vendor.hours(e.turnaroundDraw, bytes);
            e.vendorBytes = bytes;
            double recovered = vendor.recoverableFraction() * gapFiles;
            e.mergeStart = Math.max(Math.max(e.vendorEnd, e.serviceAt), restoreEnd);
            e.mergeEnd = e.mergeStart + runbook.merge().hours(recovered);
            last = Math.max(last, e.mergeEnd);
        } else {
            e.vendorStart = Double.NaN;
            e.vendorEnd = Double.NaN;
            e.mergeStart = Double.NaN;
            e.mergeEnd = Double.NaN;
            e.vendorBytes = 0;
        }
        e.closeAt = last;
    }

    private void serviceRestored(Episode e) {
        awaitingInbound[e.group] = e;
        actions.replacementInService(e.group, simulator.now());
    }

    private void close(Episode e) {
        double t = simulator.now();
        if (open[e.group] == e) {
            open[e.group] = null;
        }
        if (awaitingInbound[e.group] == e) {
            awaitingInbound[e.group] = null;
        }
        if (!Double.isNaN(e.restoreEnd) || !Double.isNaN(e.mergeEnd)) {
            actions.oldMailRecovered(e.group, t);
        }
        e.incident = toIncident(e);
        closed.add(e.incident);
        actions.incidentClosed(e.incident);
    }

    private double engineerHours(Episode e) {
        Runbook.Staffing staff = runbook.staffing();
        return switch (e.kind) {
            case OUTAGE -> Double.isNaN(e.serviceAt) ? 0 : staff.whileDown() * Math.max(0, e.serviceAt - e.detectedAt);
            case LOSS -> staff.whileDown() * Math.max(0, e.serviceAt - e.detectedAt)
                    + staff.whileRecovering() * (e.closeAt - e.serviceAt);
            case SECTORS -> staff.whileRecovering() * Math.max(0, e.closeAt - e.detectedAt);
        };
    }

    private Incident toIncident(Episode e) {
        List<Incident.Phase> phases = new ArrayList<>(7);
        double end = Double.isNaN(e.closeAt) ? simulator.now() : e.closeAt;
        double serviceAt = Double.isNaN(e.serviceAt) ? end : e.serviceAt;
        if (e.kind == Kind.OUTAGE) {
            // An outage shorter than the detection delay passes before anyone is at work on it.
            phases.add(new Incident.Phase("detection", e.start, Math.min(e.detectedAt, serviceAt)));
            if (serviceAt > e.detectedAt) {
                phases.add(new Incident.Phase("on-call response", e.detectedAt, Math.min(e.respondingAt, serviceAt)));
            }
            if (serviceAt > e.respondingAt) {
                phases.add(new Incident.Phase("repair", e.respondingAt, serviceAt));
            }
            phases.add(new Incident.Phase("outage", e.start, serviceAt));
        } else {
            phases.add(new Incident.Phase("detection", e.start, e.detectedAt));
            phases.add(new Incident.Phase("on-call response", e.detectedAt, e.respondingAt));
            if (e.kind == Kind.LOSS) {
                phases.add(new Incident.Phase("provisioning replacement storage", e.provisionStart, e.serviceAt));
                phases.add(new Incident.Phase("outage", e.start, e.serviceAt));
            }
            if (!Double.isNaN(e.restoreEnd)) {
                phases.add(new Incident.Phase("restore from backup", e.restoreStart, e.restoreEnd));
            }
            if (!Double.isNaN(e.vendorEnd)) {
                phases.add(new Incident.Phase("vendor recovery", e.vendorStart, e.vendorEnd));
                phases.add(new Incident.Phase("merge recovered mail", e.mergeStart, e.mergeEnd));
            }
        }
        Severity severity = switch (e.kind) {
            case OUTAGE -> Severity.OUTAGE;
            case LOSS -> Severity.ARRAY_LOSS;
            case SECTORS -> Severity.SECTOR_LOSS;
        };
        return new Incident(replication, "group-" + e.group, e.cause, e.start, phases, Math.round(e.usersAffected),
                e.deferred, e.bounced, e.mailsLost, serviceAt - e.start, end - e.start, severity);
    }

    /** One incident's state: its times, what it affected, and its two events. */
    private final class Episode {
        final int group;
        final double start;
        final Event serviceEvent = () -> serviceRestored(this);
        final Event closeEvent = () -> close(this);
        String cause;
        Kind kind;
        FailureScope scope = FailureScope.ARRAY;
        double share;
        double detectedAt;
        double respondingAt;
        double lossAt = Double.NaN;
        double provisionDraw;
        double turnaroundDraw;
        double recallDraw;
        double provisionStart = Double.NaN;
        double serviceAt = Double.NaN;
        double restoreStart = Double.NaN;
        double restoreEnd = Double.NaN;
        double vendorStart = Double.NaN;
        double vendorEnd = Double.NaN;
        double mergeStart = Double.NaN;
        double mergeEnd = Double.NaN;
        double closeAt = Double.NaN;
        double usersAffected;
        double deferred;
        double bounced;
        double mailsLost;
        double usersWithLoss;
        double vendorBytes;
        long serviceHandle = -1;
        long closeHandle = -1;
        Incident incident;

        Episode(int group, String cause, double start) {
            this.group = group;
            this.cause = cause;
            this.start = start;
        }
    }
}

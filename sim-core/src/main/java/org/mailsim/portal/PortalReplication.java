package org.mailsim.portal;

import org.mailsim.engine.Simulator;
import org.mailsim.model.mail.MailService;
import org.mailsim.model.mail.ServiceTier;
import org.mailsim.model.mail.WeeklyRate;
import org.mailsim.model.operations.BackupSchedule;
import org.mailsim.model.operations.CostModel;
import org.mailsim.model.operations.CostUsage;
import org.mailsim.model.operations.FailureScope;
import org.mailsim.model.operations.Fleet;
import org.mailsim.model.operations.GroupContents;
import org.mailsim.model.operations.IncidentResponse;
import org.mailsim.model.operations.LossVerdict;
import org.mailsim.model.operations.RecoveryActions;
import org.mailsim.model.storage.LossCause;
import org.mailsim.model.storage.StorageListener;
import org.mailsim.model.storage.StorageModel;
import org.mailsim.model.storage.StorageSpec;
import org.mailsim.model.storage.StorageWorkspace;
import org.mailsim.model.storage.repair.SpareSpec;
import org.mailsim.random.RandomStreams;
import org.mailsim.run.Metric;
import org.mailsim.run.ReplicationResult;

/**
 * One replication of a mail portal: the storage model, the users' mail and the operations team on one
 * {@link Simulator}, wired together.
 *
 * <p>The storage model reports failures; the mail layer turns unavailable groups into deferred and bounced mail and
 * user-hours without access; the operations layer runs the runbook (detection, replacement storage, restore,
 * vendor, merge) and, when replacement storage is in service, the lost arrays are replaced and mail flows again.
 * Mail lost, bytes lost and users with loss come from the operations layer alone, because only it knows what
 * backups, the vendor and users' own exports saved; the mail layer is never told of the loss, so nothing is
 * counted twice.
 */
final class PortalReplication implements StorageListener, RecoveryActions {
    /** The operations layer's stream key, hashed once rather than at each replication's first incident. */
    private static final long OPERATIONS_STREAM = RandomStreams.hash("operations");

    private final PortalSpec spec;
    private final Simulator sim;
    private final StorageModel storage;
    private final MailService mail;
    private final IncidentResponse operations;
    private final GroupContents contents;
    private final boolean[] onReplacement;
    private int randomWebmailFailed;
    private int randomDatabaseFailed;
    private int randomMtaFailed;
    private int scriptedWebmailDown;
    private int scriptedDatabaseDown;
    private int scriptedMtaDown;
    private final Fleet fleet;
    private CostModel.Breakdown cost;
    private double sectorBytesLostForGood;
    private double arrayBytesLostForGood;
    private double sectorRawBytes;
    private double arrayRawBytes;
    // Mail missing from a group's storage: lost with an array and not yet restored or merged back, or lost for
    // good. The mail layer is never told of losses, so the contents the operations layer sees subtract this.
    private final double[] filesMissing;
    private final double[] filesLostForGood;
    private boolean sectorLossUnderway;

    /**
     * @param checkpoint       told (if not null) how far the run has got, for a progress display
     * @param storageOnlyFleet for a spec without users, {@link #storageOnlyFleet(PortalSpec)} worked out once for
     *                         all replications; null to work it out here
     */
    PortalReplication(PortalSpec spec, int replication, StorageWorkspace workspace, Simulator.Checkpoint checkpoint,
            Fleet storageOnlyFleet) {
        this.spec = spec;
        RandomStreams streams = RandomStreams.forReplication(spec.seed(), replication);
        StorageSpec storageSpec = spec.storage();
        storage = workspace.reset(streams);
        sim = workspace.simulator();
        sim.setEventBudget(spec.eventBudget());
        sim.setCheckpoint(checkpoint);
        storage.addListener(this);
        onReplacement = new boolean[storageSpec.groups()];
        filesMissing = new double[storageSpec.groups()];
        filesLostForGood = new double[storageSpec.groups()];
        if (spec.hasUsers()) {
            mail = new MailService(spec.mail());
            WeeklyRate received = spec.mail().traffic().receivedRate();
            contents = new MailContents(mail, received, filesMissing);
            if (storageSpec.randomFailures()) {
                startTiers(streams);
            }
        } else {
            mail = null;
            contents = storageOnlyContents(storageSpec);
        }
        // Sized on the contents at the start, before traffic moves them.
        fleet = mail == null && storageOnlyFleet != null ? storageOnlyFleet : fleet(spec, contents);
        operations = new IncidentResponse(sim, spec.runbook(), new BackupSchedule(spec.backups(), contents),
                spec.selfBackup(), contents, this,
                () -> streams.stream(OPERATIONS_STREAM), replication);
        if (mail != null) {
            mail.setInboundListener(operations::inboundRestored);
        }
    }

    private void startTiers(RandomStreams streams) {
        ServiceTier webmail = new ServiceTier(spec.mail().webmail(), sim, streams.stream("mail.webmail"),
                (failed, t) -> {
                    randomWebmailFailed = failed;
                    mail.webmailFailedSlots(Math.min(spec.mail().webmail().activeServers(),
                            randomWebmailFailed + scriptedWebmailDown), t);
                });
        ServiceTier database = new ServiceTier(spec.mail().database(), sim, streams.stream("mail.database"),
                (failed, t) -> {
                    randomDatabaseFailed = failed;
                    mail.databaseFailedSlots(randomDatabaseFailed + scriptedDatabaseDown, t);
                });
        ServiceTier mta = new ServiceTier(spec.mail().mta(), sim, streams.stream("mail.mta"),
                (failed, t) -> {
                    randomMtaFailed = failed;
                    mail.mtaFailedSlots(Math.min(spec.mail().mta().activeServers(),
                            randomMtaFailed + scriptedMtaDown), t);
                });
        webmail.start();
        database.start();
        mta.start(); // schedules nothing unless tiers.mta.lifetime is given
    }

    ReplicationResult run() {
        storage.start(spec.horizon().hours());
        for (PortalSpec.TierOutage outage : spec.tierOutages()) {
            scheduleTierOutage(outage);
        }
        double horizon = spec.horizon().hours();
        sim.run(horizon);
        double end = sim.now();
        ReplicationResult.Builder result = new ReplicationResult.Builder();
        storage.recordInto(result);
        // The storage model counts a lost array's capacity; here the raw bytes are the data it held, and what
        // users lost is what no backup, vendor or export brought back.
        result.set(Metric.BYTES_LOST, sectorBytesLostForGood + arrayBytesLostForGood);
        result.set(Metric.SECTOR_LOSS_BYTES_LOST, sectorBytesLostForGood);
        result.set(Metric.ARRAY_LOSS_BYTES_LOST, arrayBytesLostForGood);
        result.set(Metric.RAW_BYTES_LOST, sectorRawBytes + arrayRawBytes);
        result.set(Metric.SECTOR_LOSS_RAW_BYTES, sectorRawBytes);
        result.set(Metric.ARRAY_LOSS_RAW_BYTES, arrayRawBytes);
        if (mail != null) {
            mail.contributeTo(result, end);
        }
        operations.contributeTo(result);
        double firstLoss = storage.firstLossHours();
        result.observedHours(Double.isNaN(firstLoss) ? end : Math.min(firstLoss, end));
        cost = new CostModel(spec.costs()).breakdown(fleet, new CostUsage(storage.diskFailures(),
                operations.engineerHours(), operations.vendorFees(),
                result.metric(Metric.USER_HOURS_UNAVAILABLE), result.metric(Metric.USERS_WITH_LOSS)), end);
        cost.contributeTo(result);
        return result.build();
    }

    /** Events the replication fired. */
    long eventsFired() {
        return sim.eventsFired();
    }

    /** The cost breakdown of the replication just run. */
    CostModel.Breakdown cost() {
        return cost;
    }

    private void scheduleTierOutage(PortalSpec.TierOutage outage) {
        if (mail == null) {
            return; // without users a tier outage harms no one
        }
        // A scripted outage takes every server of the tier (the database needs only one down).
        int servers = switch (outage.tier()) {
            case WEBMAIL -> spec.mail().webmail().activeServers();
            case MTA -> spec.mail().mta().activeServers();
            case DATABASE -> 1;
        };
        sim.scheduleAt(outage.atHours(), () -> setScriptedTierDown(outage.tier(), servers));
        sim.scheduleAt(outage.atHours() + outage.hours(), () -> setScriptedTierDown(outage.tier(), -servers));
    }

    private void setScriptedTierDown(PortalSpec.Tier tier, int change) {
        double t = sim.now();
        switch (tier) {
            case WEBMAIL -> {
                scriptedWebmailDown += change;
                mail.webmailFailedSlots(Math.min(spec.mail().webmail().activeServers(),
                        randomWebmailFailed + scriptedWebmailDown), t);
            }
            case DATABASE -> {
                scriptedDatabaseDown += change;
                mail.databaseFailedSlots(randomDatabaseFailed + scriptedDatabaseDown, t);
            }
            case MTA -> {
                scriptedMtaDown += change;
                mail.mtaFailedSlots(Math.min(spec.mail().mta().activeServers(), randomMtaFailed + scriptedMtaDown),
                        t);
            }
        }
    }

    /** What a group holds in a portal without users: its arrays' data capacity, for good. */
    private static GroupContents storageOnlyContents(StorageSpec storageSpec) {
        double bytesPerGroup = storageSpec.arraysPerGroup() * storageSpec.arrayDataBytes();
        return GroupContents.steady(storageSpec.groups(), 0, 0, bytesPerGroup, 0);
    }

    /** The fleet of a spec without users, the same in every replication; null for a spec with users. */
    static Fleet storageOnlyFleet(PortalSpec spec) {
        return spec.hasUsers() ? null : fleet(spec, storageOnlyContents(spec.storage()));
    }

    private static Fleet fleet(PortalSpec spec, GroupContents contents) {
        StorageSpec s = spec.storage();
        SpareSpec spares = s.repair().spares();
        long perScope = spares.scope() == SpareSpec.Scope.ARRAY ? s.arrays() : s.groups();
        long hot = spares.kind() == SpareSpec.Kind.HOT ? spares.count() * perScope : 0;
        long cold = spares.kind() == SpareSpec.Kind.COLD ? spares.count() * perScope : 0;
        double liveBytes = 0;
        for (int g = 0; g < s.groups(); g++) {
            liveBytes += contents.bytes(g, 0);
        }
        return new Fleet(s.disks(), hot, cold, s.groups(), spec.backups().backupStorageTerabytes(liveBytes));
    }

    // ---- storage model -> mail and operations ----

    @Override
    public void diskFailed(double hours, int group, int array, int disk) {
        operations.diskReplaced(group);
    }

    // Outage episodes follow the group, not its arrays: with several arrays, users are cut off from the first
    // array down until the last one is back. A loss arriving meanwhile escalates the outage into a loss incident.

    @Override
    public void groupUnavailable(double hours, int group) {
        operations.storageUnavailable(group, "offline");
        if (mail != null) {
            mail.groupUnavailable(group, hours);
        }
    }

    @Override
    public void groupAvailable(double hours, int group) {
        if (mail != null) {
            mail.groupAvailable(group, hours, onReplacement[group]);
        }
        operations.storageAvailable(group);
    }

    @Override
    public void dataLost(double hours, int group, int array, LossCause cause, double bytes) {
        if (cause.wholeArray()) {
            double share = 1.0 / spec.storage().arraysPerGroup();
            double onStorage = contents.files(group, hours); // before the loss: what the runbook must recover
            arrayRawBytes += share * contents.bytes(group, hours);
            operations.storageLost(group, cause.key(), share, FailureScope.ARRAY);
            filesMissing[group] += share * onStorage;
        } else {
            sectorRawBytes += bytes;
            sectorLossUnderway = true;
            operations.sectorsLost(group, cause.key(), bytes);
            sectorLossUnderway = false;
        }
        if (spec.horizon().untilFirstDataLoss()) {
            sim.stop();
        }
    }

    // ---- operations -> storage model ----

    @Override
    public void replacementInService(int group, double t) {
        onReplacement[group] = true;
        for (int a = 0; a < spec.storage().arraysPerGroup(); a++) {
            if (storage.isLost(group, a)) {
                storage.replaceLostArray(group, a);
            }
        }
    }

    @Override
    public void mailLost(LossVerdict verdict) {
        double bytes = contents.bytes(verdict.group(), verdict.lossTime());
        double files = contents.files(verdict.group(), verdict.lossTime());
        filesLostForGood[verdict.group()] += verdict.expectedMailsLost();
        if (sectorLossUnderway) {
            filesMissing[verdict.group()] += verdict.expectedMailsLost(); // no outage: the rest is restored at once
        }
        double lostForGood = 0;
        if (files > 0) {
            lostForGood = verdict.expectedMailsLost() * bytes / files;
        } else if (!verdict.hasRecoveryPoint()) {
            // Storage without users holds no new mail, so a backup leaves nothing exposed; without one, what the
            // vendor cannot read is gone.
            lostForGood = verdict.shareOfGroup() * verdict.fractionOfExposedLost() * bytes;
        }
        if (sectorLossUnderway) {
            sectorBytesLostForGood += lostForGood;
        } else {
            arrayBytesLostForGood += lostForGood;
        }
    }

    @Override
    public void oldMailRecovered(int group, double t) {
        filesMissing[group] = filesLostForGood[group]; // all but what is gone for good is back
    }

    /** The mail layer's view of a group's contents, less the mail missing after losses, for operations. */
    private record MailContents(MailService mail, WeeklyRate received, double[] missing) implements GroupContents {
        @Override
        public int groups() {
            return mail.groups();
        }

        @Override
        public double users(int group) {
            return mail.users(group);
        }

        @Override
        public double files(int group, double t) {
            return Math.max(0, mail.files(group, t) - missing[group]);
        }

        @Override
        public double bytes(int group, double t) {
            double all = mail.files(group, t);
            return all > 0 ? mail.bytes(group, t) * files(group, t) / all : mail.bytes(group, t);
        }

        @Override
        public double filesWritten(int group, double from, double to) {
            return mail.users(group) * received.integral(from, to);
        }

        /**
         * Averaged over the mailbox sizes while the group holds all its mail. After a loss, until the missing mail
         * is back, the storage holds mostly new mail, whose spread over users the mailbox profile does not
         * describe, so the mean-mailbox default applies.
         */
        @Override
        public double fractionOfUsersUntouched(int group, double t, double q) {
            return missing[group] > 0
                    ? GroupContents.super.fractionOfUsersUntouched(group, t, q)
                    : mail.fractionOfUsersUntouched(group, t, q);
        }
    }
}

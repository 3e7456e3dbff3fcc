package org.mailsim.portal;

import static org.mailsim.scenario.Schema.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.mailsim.Hours;
import org.mailsim.model.mail.MailConfig;
import org.mailsim.model.mail.MailboxProfile;
import org.mailsim.model.mail.Sharding;
import org.mailsim.model.mail.TierConfig;
import org.mailsim.model.mail.TrafficProfile;
import org.mailsim.model.mail.WeeklyProfile;
import org.mailsim.model.operations.BackupPolicy;
import org.mailsim.model.operations.CostSpec;
import org.mailsim.model.operations.Runbook;
import org.mailsim.model.operations.SelfBackup;
import org.mailsim.model.storage.Horizon;
import org.mailsim.model.storage.ScriptedFault;
import org.mailsim.model.storage.StorageSpec;
import org.mailsim.model.storage.array.ArraySpec;
import org.mailsim.model.storage.array.RaidLevel;
import org.mailsim.model.storage.correlation.AftershockSpec;
import org.mailsim.model.storage.correlation.CorrelationSpec;
import org.mailsim.model.storage.correlation.LotSpec;
import org.mailsim.model.storage.correlation.ShockSpec;
import org.mailsim.model.storage.disk.DiskSpec;
import org.mailsim.model.storage.disk.LatentErrorSpec;
import org.mailsim.model.storage.disk.ScrubSpec;
import org.mailsim.model.storage.repair.RebuildSpec;
import org.mailsim.model.storage.repair.RepairSpec;
import org.mailsim.model.storage.repair.SpareSpec;
import org.mailsim.random.Distribution;
import org.mailsim.random.Distributions;
import org.mailsim.scenario.Location;
import org.mailsim.scenario.Problem;
import org.mailsim.scenario.Scenario;
import org.mailsim.scenario.ScenarioException;
import org.mailsim.scenario.Section;
import org.mailsim.scenario.Value;

/**
 * Turns a validated {@link Scenario} into the {@link PortalSpec} a run needs: every key lands in its model record
 * in base units (hours, bytes, per hour). The schema has already checked each key and the combinations between
 * keys ({@code Consistency}); what only the model can refuse (a record's own invariants) comes back here as a
 * located {@link Problem}, all of them at once.
 *
 * <p>Binding rules (docs/scenario-format.md documents each key):
 * <ul>
 *   <li>Rates written per day or per year are per hour in the scenario; traffic is per day in the model (x 24).</li>
 *   <li>{@code storage.rebuild.reads: used-data} is the fraction of a disk a rebuild copies: the users' expected
 *       mailbox bytes in the fullest group over that group's usable capacity (arrays x data disks x capacity), at
 *       most 1. It is fixed at the start of the run (mail growth is not followed).</li>
 *   <li>The runbook's disk replacement carries the spares' handling and restock times, so the storage model and
 *       the team agree.</li>
 *   <li>Faults ({@code group: all} repeats a storage fault in every group): {@code disk-failure} fails positions
 *       disk .. disk+disks-1 of one array; {@code array-loss} fails every
 *       disk of one array; {@code group-outage} takes every disk of every array of the group offline for
 *       {@code duration} (they come back with their data); {@code tier-outage} becomes a
 *       {@link PortalSpec.TierOutage} taking every server of the tier.</li>
 *   <li>{@code tiers.mta.lifetime} absent: the MTA servers do not fail at random (a null time between failures).</li>
 *   <li>A lost array is replaced by the operations layer (the runbook's provisioning), so
 *       {@link RepairSpec#lostArrayReplacement()} is null.</li>
 *   <li>{@code operations.preset} and {@code costs.preset} are applied by the scenario loader ({@code Presets}):
 *       here every operations and costs key simply has a value.</li>
 *   <li>{@code costs.hardwareLife} is a duration (hours) in the scenario and years in {@link CostSpec}.</li>
 *   <li>{@code users.count: 0} gives a storage-only run ({@code mail} null).</li>
 * </ul>
 */
public final class ScenarioBinding {
    private final Scenario s;
    private final List<Problem> problems = new ArrayList<>();
    private final Location top;

    private ScenarioBinding(Scenario scenario) {
        this.s = scenario;
        this.top = new Location(scenario.sources().isEmpty() ? "(scenario)" : scenario.sources().get(0), 1, 1);
    }

    /**
     * The run a scenario describes.
     *
     * @throws ScenarioException with every problem the model's records found, each located in the scenario
     */
    public static PortalSpec bind(Scenario scenario) {
        ScenarioBinding b = new ScenarioBinding(scenario);
        PortalSpec spec = b.portal();
        if (!b.problems.isEmpty()) {
            throw new ScenarioException(b.problems);
        }
        return spec;
    }

    private PortalSpec portal() {
        Horizon horizon = s.runsToFirstDataLoss() ? Horizon.firstDataLoss(s.maxHorizonHours())
                : Horizon.fixed(s.duration(HORIZON));
        Distribution handling = s.distribution(STORAGE_SPARES_HANDLING_TIME);
        Distribution restock = s.distribution(STORAGE_SPARES_RESTOCK_TIME);
        MailboxProfile mailbox = mailbox();
        MailConfig mail = mail(mailbox);
        StorageSpec storage = storage(handling, restock, mail);
        Runbook runbook = runbook(handling, restock);
        BackupPolicy backups = backups();
        SelfBackup self = guard("operations.selfBackup", () -> new SelfBackup(
                s.number(OPERATIONS_SELF_BACKUP_FRACTION), s.duration(OPERATIONS_SELF_BACKUP_INTERVAL)));
        CostSpec costs = costs();
        List<PortalSpec.TierOutage> outages = tierOutages();
        if (!problems.isEmpty()) {
            return null;
        }
        return guard("", () -> new PortalSpec(s.name(), s.seed(), s.replications(), horizon, storage, mail, runbook,
                backups, self, costs, outages, s.integer(MAX_EVENTS)));
    }

    // ---------------------------------------------------------------- storage

    /**
     * Storage groups: {@code storage.groups}, or derived from {@code storage.usableCapacity} as the fewest groups
     * whose arrays' data disks hold it (for comparisons at equal usable capacity).
     */
    private int groups() {
        if (!s.has(STORAGE_USABLE_CAPACITY)) {
            return s.intValue(STORAGE_GROUPS);
        }
        ArraySpec array = array();
        double perGroup = s.intValue(STORAGE_ARRAYS_PER_GROUP) * array.dataDisks() * s.size(STORAGE_DISK_CAPACITY);
        double groups = Math.ceil(s.size(STORAGE_USABLE_CAPACITY) / perGroup * (1 - 1e-12));
        if (!(groups <= 10_000_000)) {
            throw new IllegalArgumentException("storage.usableCapacity needs " + groups
                    + " storage groups; accepted: at most 10,000,000");
        }
        return (int) Math.max(1, groups);
    }

    private StorageSpec storage(Distribution handling, Distribution restock, MailConfig mail) {
        ArraySpec array = guard("storage.raid", this::array);
        DiskSpec disk = guard("storage.disk", this::disk);
        if (array != null && disk != null && mail != null) {
            checkMailFits(array, disk, mail);
        }
        RebuildSpec rebuild = array == null || disk == null ? null : guard("storage.rebuild",
                () -> rebuild(array, disk, mail));
        SpareSpec spares = guard("storage.spares", () -> spares(handling, restock));
        RepairSpec.Crews crews = guard("storage.repairCrews",
                () -> RepairSpec.Crews.byKey(s.value(STORAGE_REPAIR_CREWS).value().toString()));
        CorrelationSpec correlation = array == null ? null : guard("storage.correlated", () -> correlation(array));
        List<ScriptedFault> faults = faults();
        if (array == null || disk == null || rebuild == null || spares == null || crews == null
                || correlation == null || faults == null) {
            return null;
        }
        RepairSpec repair = new RepairSpec(rebuild, crews, spares, null);
        return guard("storage", () -> new StorageSpec(groups(),
                s.intValue(STORAGE_ARRAYS_PER_GROUP), disk, array, repair, correlation, faults,
                s.flag(RANDOM_FAILURES)));
    }

    private ArraySpec array() {
        RaidLevel level = RaidLevel.byKey(s.string(STORAGE_RAID_LEVEL));
        int width = s.intValue(STORAGE_RAID_WIDTH);
        int spans = level == RaidLevel.RAID50 || level == RaidLevel.RAID60
                ? (s.has(STORAGE_RAID_SPANS) ? s.intValue(STORAGE_RAID_SPANS) : 2) : 1;
        int parity = level == RaidLevel.ERASURE ? s.intValue(STORAGE_RAID_PARITY) : 0;
        return new ArraySpec(level, width, spans, parity);
    }

    private DiskSpec disk() {
        ScrubSpec scrub = null;
        if (s.has(STORAGE_DISK_LATENT_ERRORS_SCRUB_DETECTION_TIME)) {
            scrub = new ScrubSpec(s.distribution(STORAGE_DISK_LATENT_ERRORS_SCRUB_DETECTION_TIME));
        } else if (s.has(STORAGE_DISK_LATENT_ERRORS_SCRUB_INTERVAL)) {
            double interval = s.duration(STORAGE_DISK_LATENT_ERRORS_SCRUB_INTERVAL);
            scrub = s.is(STORAGE_DISK_LATENT_ERRORS_SCRUB_DISTRIBUTION, "exponential")
                    ? ScrubSpec.exponential(interval) : ScrubSpec.periodic(interval);
        }
        LatentErrorSpec latent = new LatentErrorSpec(s.rate(STORAGE_DISK_LATENT_ERRORS_RATE),
                s.intValue(STORAGE_DISK_LATENT_ERRORS_BURST), scrub);
        return new DiskSpec(s.size(STORAGE_DISK_CAPACITY), s.bandwidth(STORAGE_DISK_BANDWIDTH),
                s.fileRate(STORAGE_DISK_FILE_RATE), s.distribution(STORAGE_DISK_LIFETIME), s.number(STORAGE_DISK_URE),
                latent, (int) Math.round(s.size(STORAGE_DISK_SECTOR_SIZE)));
    }

    private RebuildSpec rebuild(ArraySpec array, DiskSpec disk, MailConfig mail) {
        if (s.has(STORAGE_REBUILD_TIME)) {
            return RebuildSpec.taking(s.distribution(STORAGE_REBUILD_TIME));
        }
        double fraction = 1;
        if (s.is(STORAGE_REBUILD_READS, "used-data")) {
            fraction = usedDataFraction(array, disk, mail, s.intValue(STORAGE_ARRAYS_PER_GROUP));
            if (!(fraction > 0)) {
                problem(STORAGE_REBUILD_READS.path(), "used-data rebuilds would copy nothing: the users' mail is "
                        + fraction + " of the usable capacity; accepted: whole-disk, or users with mail");
                return null;
            }
        }
        return new RebuildSpec(s.bandwidth(STORAGE_REBUILD_RATE), s.number(STORAGE_REBUILD_LOAD_FACTOR), fraction,
                null);
    }

    /** The users' expected mail at the start must fit their group's usable capacity. */
    private void checkMailFits(ArraySpec array, DiskSpec disk, MailConfig mail) {
        int arraysPerGroup = s.intValue(STORAGE_ARRAYS_PER_GROUP);
        double usable = (double) arraysPerGroup * array.dataDisks() * disk.capacityBytes();
        double bytes = mail.sharding().users(0) * mail.mailbox().meanBytesPerMailbox();
        if (bytes > usable) {
            problem("users.count", String.format(java.util.Locale.ROOT, "the mail of the fullest storage group"
                    + " (%,.0f users, %.4g bytes expected) does not fit its usable capacity (%.4g bytes: %d array%s"
                    + " x %d data disks x storage.disk.capacity); accepted: fewer users per group (more"
                    + " storage.groups), smaller mailboxes, or more or larger disks", mail.sharding().users(0) + 0.0,
                    bytes, usable, arraysPerGroup, arraysPerGroup == 1 ? "" : "s", array.dataDisks()));
        }
    }

    /**
     * Expected mail bytes of the fullest group (the first, which gets the remainder of an uneven split) over the
     * group's usable capacity, at most 1: a rebuild that copies only used blocks copies that share of each disk.
     */
    static double usedDataFraction(ArraySpec array, DiskSpec disk, MailConfig mail, int arraysPerGroup) {
        if (mail == null) {
            return 0;
        }
        double groupUsers = mail.sharding().users(0);
        double usable = (double) arraysPerGroup * array.dataDisks() * disk.capacityBytes();
        return Math.min(1, groupUsers * mail.mailbox().meanBytesPerMailbox() / usable);
    }

    private SpareSpec spares(Distribution handling, Distribution restock) {
        String kind = s.string(STORAGE_SPARES_KIND);
        if (kind.equals("none")) {
            return SpareSpec.NONE;
        }
        SpareSpec.Scope scope = SpareSpec.Scope.valueOf(s.string(STORAGE_SPARES_SCOPE).toUpperCase(Locale.ROOT));
        int count = s.intValue(STORAGE_SPARES_COUNT);
        return kind.equals("hot") ? SpareSpec.hot(scope, count, restock)
                : SpareSpec.cold(scope, count, handling, restock);
    }

    private CorrelationSpec correlation(ArraySpec array) {
        List<LotSpec> lots = new ArrayList<>();
        for (Section lot : s.items(STORAGE_CORRELATED_LOTS)) {
            LotSpec l = guard(lot.prefix(), () -> new LotSpec(lot.string(STORAGE_CORRELATED_LOTS_NAME),
                    lot.number(STORAGE_CORRELATED_LOTS_FRACTION),
                    lot.number(STORAGE_CORRELATED_LOTS_HAZARD_MULTIPLIER),
                    lot.number(STORAGE_CORRELATED_LOTS_REPLACEMENTS)));
            lots.add(l);
        }
        List<ShockSpec> shocks = new ArrayList<>();
        for (Section shock : s.items(STORAGE_CORRELATED_SHOCKS)) {
            ShockSpec sh = guard(shock.prefix(), () -> new ShockSpec(shock.has(STORAGE_CORRELATED_SHOCKS_NAME)
                    ? shock.string(STORAGE_CORRELATED_SHOCKS_NAME) : shock.string(STORAGE_CORRELATED_SHOCKS_KIND),
                    shock.rate(STORAGE_CORRELATED_SHOCKS_RATE),
                    ShockSpec.Scope.valueOf(shock.string(STORAGE_CORRELATED_SHOCKS_SCOPE).toUpperCase(Locale.ROOT)),
                    ShockSpec.Effect.valueOf(shock.string(STORAGE_CORRELATED_SHOCKS_EFFECT)
                            .toUpperCase(Locale.ROOT)),
                    shock.is(STORAGE_CORRELATED_SHOCKS_DISKS, "all") ? ArraySpec.MAX_WIDTH
                            : shock.intValue(STORAGE_CORRELATED_SHOCKS_DISKS), shock.has(STORAGE_CORRELATED_SHOCKS_OFFLINE_TIME)
                            ? shock.distribution(STORAGE_CORRELATED_SHOCKS_OFFLINE_TIME) : null));
            shocks.add(sh);
        }
        AftershockSpec aftershock = null;
        String at = "storage.correlated.aftershock";
        if (s.has(STORAGE_CORRELATED_AFTERSHOCK_EXTRA_HAZARD)) {
            aftershock = guard(at, () -> new AftershockSpec(s.duration(STORAGE_CORRELATED_AFTERSHOCK_WINDOW),
                    s.rate(STORAGE_CORRELATED_AFTERSHOCK_EXTRA_HAZARD)));
        } else if (s.has(STORAGE_CORRELATED_AFTERSHOCK_BURST_FRACTION)) {
            // Counted per unit (one array unless burstUnitDisks names a larger one): spread over the unit's disks.
            int unitDisks = s.has(STORAGE_CORRELATED_AFTERSHOCK_BURST_UNIT_DISKS)
                    ? s.intValue(STORAGE_CORRELATED_AFTERSHOCK_BURST_UNIT_DISKS) : array.width();
            aftershock = guard(at, () -> AftershockSpec.calibrated(
                    s.number(STORAGE_CORRELATED_AFTERSHOCK_BURST_FRACTION),
                    s.duration(STORAGE_CORRELATED_AFTERSHOCK_WINDOW), unitDisks));
        }
        if (lots.contains(null) || shocks.contains(null)) {
            return null;
        }
        return new CorrelationSpec(lots, shocks, aftershock);
    }

    /** Storage faults of the script; tier outages are bound separately ({@link #tierOutages()}). */
    private List<ScriptedFault> faults() {
        List<ScriptedFault> out = new ArrayList<>();
        boolean ok = true;
        int groups = groups();
        for (Section f : s.items(FAULTS)) {
            double at = f.duration(FAULTS_AT);
            boolean everyGroup = f.is(FAULTS_GROUP, "all");
            int first = everyGroup ? 0 : f.intValue(FAULTS_GROUP);
            int last = everyGroup ? groups - 1 : first;
            int array = f.intValue(FAULTS_ARRAY);
            String kind = f.string(FAULTS_KIND);
            if (!List.of("disk-failure", "array-loss", "group-outage", "tier-outage").contains(kind)) {
                problem(f.path(FAULTS_KIND), "'" + kind + "' is not a fault kind the runtime supports; accepted:"
                        + " disk-failure, array-loss, group-outage, tier-outage");
                ok = false;
                continue;
            }
            if (!kind.equals("tier-outage") && first >= groups) {
                problem(f.path(FAULTS_GROUP), "group " + first + " does not exist; accepted: 0 .. " + (groups - 1)
                        + " (storage.usableCapacity makes " + groups + " storage groups)");
                ok = false;
                continue;
            }
            for (int group = first; group <= last; group++) {
                switch (kind) {
                    case "disk-failure" -> {
                        List<Integer> disks = new ArrayList<>();
                        for (int d = 0; d < f.intValue(FAULTS_DISKS); d++) {
                            disks.add(f.intValue(FAULTS_DISK) + d);
                        }
                        out.add(new ScriptedFault(at, ScriptedFault.Action.FAIL, group, array, disks, 0));
                    }
                    // An empty disk list means every disk of the array.
                    case "array-loss" -> out.add(new ScriptedFault(at, ScriptedFault.Action.FAIL, group, array,
                            List.of(), 0));
                    case "group-outage" -> {
                        for (int a = 0; a < s.intValue(STORAGE_ARRAYS_PER_GROUP); a++) {
                            out.add(new ScriptedFault(at, ScriptedFault.Action.OFFLINE, group, a, List.of(),
                                    f.duration(FAULTS_DURATION)));
                        }
                    }
                    default -> { } // tier-outage: bound in tierOutages()
                }
            }
        }
        return ok ? out : null;
    }

    // ---------------------------------------------------------------- users and mail

    private MailboxProfile mailbox() {
        if (s.integer(USERS_COUNT) == 0) {
            return null;
        }
        return guard("users.mailbox", () -> new MailboxProfile(
                (Distributions.LogNormal) s.distribution(USERS_MAILBOX_MESSAGES),
                (Distributions.LogNormal) s.distribution(USERS_MAILBOX_MESSAGE_SIZE)));
    }

    private MailConfig mail(MailboxProfile mailbox) {
        if (mailbox == null) {
            return null;
        }
        TrafficProfile traffic = guard("traffic", this::traffic);
        TierConfig webmail = guard("tiers.webmail", () -> new TierConfig("webmail", s.intValue(TIERS_WEBMAIL_SERVERS),
                s.distribution(TIERS_WEBMAIL_LIFETIME), s.distribution(TIERS_WEBMAIL_FAILOVER)));
        TierConfig database = guard("tiers.database", () -> new TierConfig("database",
                s.intValue(TIERS_DATABASE_SERVERS), s.distribution(TIERS_DATABASE_LIFETIME),
                s.distribution(TIERS_DATABASE_FAILOVER)));
        // Without a lifetime the MTA servers do not fail at random.
        TierConfig mta = guard("tiers.mta", () -> new TierConfig("mta", s.intValue(TIERS_MTA_SERVERS),
                s.has(TIERS_MTA_LIFETIME) ? s.distribution(TIERS_MTA_LIFETIME) : null,
                s.distribution(TIERS_MTA_FAILOVER)));
        if (traffic == null || webmail == null || database == null || mta == null) {
            return null;
        }
        return guard("users", () -> new MailConfig(Sharding.even(s.integer(USERS_COUNT),
                groups()), mailbox, traffic, s.duration(TIERS_MTA_QUEUE_LIFETIME), webmail,
                database, mta));
    }

    private TrafficProfile traffic() {
        WeeklyProfile profile;
        if (s.has(TRAFFIC_HOURLY_PROFILE) || s.has(TRAFFIC_WEEKLY_PROFILE)) {
            double[] hours = s.has(TRAFFIC_HOURLY_PROFILE) ? toArray(s.numbers(TRAFFIC_HOURLY_PROFILE)) : ones(24);
            double[] days = s.has(TRAFFIC_WEEKLY_PROFILE) ? toArray(s.numbers(TRAFFIC_WEEKLY_PROFILE)) : ones(7);
            profile = WeeklyProfile.separable(hours, days);
        } else {
            // Measured from SNAP email-Eu-core-temporal (Paranjape, Benson, Leskovec, WSDM 2017).
            profile = WeeklyProfile.emailEuCore();
        }
        return new TrafficProfile(24 * s.rate(TRAFFIC_RECEIVED), 24 * s.rate(TRAFFIC_SENT),
                24 * s.rate(TRAFFIC_DELETED), s.number(TRAFFIC_GROWTH), profile);
    }

    private List<PortalSpec.TierOutage> tierOutages() {
        List<PortalSpec.TierOutage> out = new ArrayList<>();
        for (Section f : s.items(FAULTS)) {
            if (f.is(FAULTS_KIND, "tier-outage")) {
                PortalSpec.TierOutage o = guard(f.prefix(), () -> new PortalSpec.TierOutage(
                        PortalSpec.Tier.valueOf(f.string(FAULTS_TIER).toUpperCase(Locale.ROOT)), f.duration(FAULTS_AT),
                        f.duration(FAULTS_DURATION)));
                if (o != null) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- operations, backups, costs

    private Runbook runbook(Distribution handling, Distribution restock) {
        return guard("operations", () -> new Runbook(
                s.distribution(OPERATIONS_DETECTION),
                s.distribution(OPERATIONS_RESPONSE),
                new Runbook.DiskReplacement(handling, restock, s.number(OPERATIONS_ENGINEER_HOURS_PER_DISK)),
                new Runbook.Provisioning(s.distribution(OPERATIONS_PROVISIONING)),
                new Runbook.Restore(s.fileRate(OPERATIONS_RESTORE_FILE_RATE), s.bandwidth(OPERATIONS_RESTORE_BANDWIDTH),
                        s.distribution(OPERATIONS_RESTORE_OFFSITE_RECALL)),
                new Runbook.Vendor(s.flag(OPERATIONS_VENDOR_USE), s.distribution(OPERATIONS_VENDOR_TIME),
                        s.is(OPERATIONS_VENDOR_BANDWIDTH, "unlimited") ? Double.POSITIVE_INFINITY
                                : s.bandwidth(OPERATIONS_VENDOR_BANDWIDTH),
                        s.number(OPERATIONS_VENDOR_RECOVERABLE), s.number(OPERATIONS_VENDOR_PRICE_PER_TB),
                        s.flag(OPERATIONS_VENDOR_FOR_BACKUP_GAP),
                        s.has(OPERATIONS_VENDOR_LOSS_RUN) ? s.size(OPERATIONS_VENDOR_LOSS_RUN) : 0),
                new Runbook.Merge(s.fileRate(OPERATIONS_MERGE_FILE_RATE)),
                new Runbook.Staffing(s.number(OPERATIONS_STAFFING_WHILE_DOWN),
                        s.number(OPERATIONS_STAFFING_WHILE_RECOVERING))));
    }

    private BackupPolicy backups() {
        BackupPolicy.Kind kind = BackupPolicy.Kind.of(s.string(BACKUPS_POLICY));
        if (kind == BackupPolicy.Kind.NONE) {
            return BackupPolicy.NONE;
        }
        return guard("backups", () -> {
            double interval = s.duration(BACKUPS_INTERVAL);
            double inf = Double.POSITIVE_INFINITY;
            int retained = s.has(BACKUPS_RETAINED_COPIES) ? s.intValue(BACKUPS_RETAINED_COPIES)
                    : kind == BackupPolicy.Kind.SNAPSHOT ? 1 : 2;
            double full = kind == BackupPolicy.Kind.INCREMENTAL ? s.duration(BACKUPS_FULL_INTERVAL) : interval;
            // Snapshots are block-level: only bytes bound them (no per-file copy or scan).
            boolean fileLevel = kind != BackupPolicy.Kind.SNAPSHOT;
            return new BackupPolicy(kind, full, interval, s.duration(BACKUPS_START_OFFSET),
                    fileLevel ? s.fileRate(BACKUPS_FILE_RATE) : inf, s.bandwidth(BACKUPS_BANDWIDTH),
                    kind == BackupPolicy.Kind.INCREMENTAL ? s.fileRate(BACKUPS_SCAN_FILE_RATE) : inf,
                    s.flag(BACKUPS_OFFSITE), s.duration(BACKUPS_OFFSITE_DELAY), retained);
        });
    }

    private CostSpec costs() {
        return guard("costs", () -> new CostSpec(s.string(COSTS_CURRENCY), s.number(COSTS_DISK),
                s.number(COSTS_SERVER), s.number(COSTS_BACKUP_STORAGE_PER_TB),
                s.duration(COSTS_HARDWARE_LIFE) / Hours.PER_YEAR, s.number(COSTS_POWER_PER_DISK_YEAR),
                s.number(COSTS_RESTOCK_PER_DISK), s.number(COSTS_BACKUP_OPERATION_PER_TB_YEAR),
                s.number(COSTS_ENGINEER_HOUR), s.number(COSTS_COMPENSATION_PER_USER_HOUR),
                s.number(COSTS_COMPENSATION_PER_USER_WITH_LOSS)));
    }

    // ---------------------------------------------------------------- problems

    /** Runs {@code make}; a record refusing its values becomes a problem located at {@code path}, and null. */
    private <T> T guard(String path, Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            problem(path, e.getMessage());
            return null;
        }
    }

    private void problem(String path, String message) {
        problems.add(Problem.at(where(path), path.isEmpty() ? "" : path, message));
    }

    /** Where the key was written; for a section, its first written key; else the top of the scenario file. */
    private Location where(String path) {
        if (!path.isEmpty() && s.isSet(path)) {
            return s.where(path);
        }
        Location best = null;
        String prefix = path.isEmpty() ? "" : path + ".";
        for (Map.Entry<String, Value> e : s.values().entrySet()) {
            Location w = e.getValue().where();
            if (e.getKey().startsWith(prefix) && !e.getValue().isDefault() && w.line() > 0
                    && (best == null || rank(w) < rank(best))) {
                best = w;
            }
        }
        return best != null ? best : top;
    }

    /** This file's lines first (in line order), then a base file's. */
    private long rank(Location w) {
        return (w.file().equals(top.file()) ? 0 : 1L << 40) + (long) w.line() * 10_000 + w.column();
    }

    private static double[] toArray(List<Double> list) {
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] ones(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, 1);
        return a;
    }
}

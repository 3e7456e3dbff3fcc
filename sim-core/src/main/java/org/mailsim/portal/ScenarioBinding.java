package org.mailsim.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
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
 *   <li>{@code storage.rebuild.loadFactor} f is the foreground slowdown 1/f of {@link RebuildSpec}.</li>
 *   <li>{@code storage.rebuild.reads: used-data} is the fraction of a disk a rebuild copies: the users' expected
 *       mailbox bytes in the fullest group over that group's usable capacity (arrays x data disks x capacity), at
 *       most 1. It is fixed at the start of the run (mail growth is not followed).</li>
 *   <li>Spare handling and restock times, absent, come from the operations preset's disk replacement, and the
 *       runbook's disk replacement always carries the spares' times, so the storage model and the team agree.</li>
 *   <li>Faults ({@code group: all} repeats a storage fault in every group): {@code disk-failure} fails positions
 *       disk .. disk+disks-1 of one array; {@code array-loss} fails every
 *       disk of one array; {@code group-outage} takes every disk of every array of the group offline for
 *       {@code duration} (they come back with their data); {@code tier-outage} becomes a
 *       {@link PortalSpec.TierOutage} taking every server of the tier.</li>
 *   <li>{@code tiers.mta.lifetime} absent: the MTA servers do not fail at random (a null time between failures).</li>
 *   <li>A lost array is replaced by the operations layer (the runbook's provisioning), so
 *       {@link RepairSpec#lostArrayReplacement()} is null.</li>
 *   <li>{@code operations.*} override the preset runbook ({@link Runbook#DEFAULT} or
 *       {@link Runbook#DREAMWIZ_2008}) key by key; {@code costs.*} override {@link CostSpec#PRICES_TODAY} or
 *       {@link CostSpec#PRICES_2008}.</li>
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
                : Horizon.fixed(s.duration("horizon"));
        Runbook preset = s.is("operations.preset", "dreamwiz-2008") ? Runbook.DREAMWIZ_2008 : Runbook.DEFAULT;
        Distribution handling = s.isSet("storage.spares.handlingTime")
                ? s.distribution("storage.spares.handlingTime") : preset.diskReplacement().coldSpareHandling();
        Distribution restock = s.isSet("storage.spares.restockTime")
                ? s.distribution("storage.spares.restockTime") : preset.diskReplacement().restockDelay();
        MailboxProfile mailbox = mailbox();
        MailConfig mail = mail(mailbox);
        StorageSpec storage = storage(handling, restock, mail);
        Runbook runbook = runbook(preset, handling, restock);
        BackupPolicy backups = backups();
        SelfBackup self = guard("operations.selfBackup", () -> new SelfBackup(
                s.number("operations.selfBackup.fraction"), s.duration("operations.selfBackup.interval")));
        CostSpec costs = costs();
        List<PortalSpec.TierOutage> outages = tierOutages();
        if (!problems.isEmpty()) {
            return null;
        }
        return guard("", () -> new PortalSpec(s.name(), s.seed(), s.replications(), horizon, storage, mail, runbook,
                backups, self, costs, outages));
    }

    // ---------------------------------------------------------------- storage

    /**
     * Storage groups: {@code storage.groups}, or derived from {@code storage.usableCapacity} as the fewest groups
     * whose arrays' data disks hold it (for comparisons at equal usable capacity).
     */
    private int groups() {
        if (!s.has("storage.usableCapacity")) {
            return s.intValue("storage.groups");
        }
        ArraySpec array = array();
        double perGroup = s.intValue("storage.arraysPerGroup") * array.dataDisks() * s.size("storage.disk.capacity");
        double groups = Math.ceil(s.size("storage.usableCapacity") / perGroup * (1 - 1e-12));
        if (!(groups <= 10_000_000)) {
            throw new IllegalArgumentException("storage.usableCapacity needs " + groups
                    + " storage groups; accepted: at most 10,000,000");
        }
        return (int) Math.max(1, groups);
    }

    private StorageSpec storage(Distribution handling, Distribution restock, MailConfig mail) {
        ArraySpec array = guard("storage.raid", this::array);
        DiskSpec disk = guard("storage.disk", this::disk);
        RebuildSpec rebuild = array == null || disk == null ? null : guard("storage.rebuild",
                () -> rebuild(array, disk, mail));
        SpareSpec spares = guard("storage.spares", () -> spares(handling, restock));
        RepairSpec.Crews crews = guard("storage.repairCrews",
                () -> RepairSpec.Crews.byKey(s.value("storage.repairCrews").value().toString()));
        CorrelationSpec correlation = array == null ? null : guard("storage.correlated", () -> correlation(array));
        List<ScriptedFault> faults = faults();
        if (array == null || disk == null || rebuild == null || spares == null || crews == null
                || correlation == null || faults == null) {
            return null;
        }
        RepairSpec repair = new RepairSpec(rebuild, crews, spares, null);
        return guard("storage", () -> new StorageSpec(groups(),
                s.intValue("storage.arraysPerGroup"), disk, array, repair, correlation, faults,
                s.flag("randomFailures")));
    }

    private ArraySpec array() {
        RaidLevel level = RaidLevel.byKey(s.string("storage.raid.level"));
        int width = s.intValue("storage.raid.width");
        int spans = level == RaidLevel.RAID50 || level == RaidLevel.RAID60
                ? (s.has("storage.raid.spans") ? s.intValue("storage.raid.spans") : 2) : 1;
        int parity = level == RaidLevel.ERASURE ? s.intValue("storage.raid.parity") : 0;
        return new ArraySpec(level, width, spans, parity);
    }

    private DiskSpec disk() {
        Section d = s.section("storage.disk");
        Section le = d.section("latentErrors");
        ScrubSpec scrub = null;
        if (le.has("scrub.detectionTime")) {
            scrub = new ScrubSpec(le.distribution("scrub.detectionTime"));
        } else if (le.has("scrub.interval")) {
            double interval = le.duration("scrub.interval");
            scrub = le.is("scrub.distribution", "exponential") ? ScrubSpec.exponential(interval)
                    : ScrubSpec.periodic(interval);
        }
        LatentErrorSpec latent = new LatentErrorSpec(le.rate("rate"), le.intValue("burst"), scrub);
        return new DiskSpec(d.size("capacity"), d.bandwidth("bandwidth"), d.fileRate("fileRate"),
                d.distribution("lifetime"), d.number("ure"), latent, (int) Math.round(d.size("sectorSize")));
    }

    private RebuildSpec rebuild(ArraySpec array, DiskSpec disk, MailConfig mail) {
        Section r = s.section("storage.rebuild");
        if (r.has("time")) {
            return RebuildSpec.taking(r.distribution("time"));
        }
        double fraction = 1;
        if (r.is("reads", "used-data")) {
            fraction = usedDataFraction(array, disk, mail, s.intValue("storage.arraysPerGroup"));
            if (!(fraction > 0)) {
                problem("storage.rebuild.reads", "used-data rebuilds would copy nothing: the users' mail is "
                        + fraction + " of the usable capacity; accepted: whole-disk, or users with mail");
                return null;
            }
        }
        return new RebuildSpec(r.bandwidth("rate"), 1 / r.number("loadFactor"), fraction, null);
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
        Section sp = s.section("storage.spares");
        String kind = sp.string("kind");
        if (kind.equals("none")) {
            return SpareSpec.NONE;
        }
        SpareSpec.Scope scope = SpareSpec.Scope.valueOf(sp.string("scope").toUpperCase(Locale.ROOT));
        int count = sp.intValue("count");
        return kind.equals("hot") ? SpareSpec.hot(scope, count, restock)
                : SpareSpec.cold(scope, count, handling, restock);
    }

    private CorrelationSpec correlation(ArraySpec array) {
        List<LotSpec> lots = new ArrayList<>();
        for (Section lot : s.items("storage.correlated.lots")) {
            LotSpec l = guard(lot.prefix(), () -> new LotSpec(lot.string("name"), lot.number("fraction"),
                    lot.number("hazardMultiplier")));
            lots.add(l);
        }
        List<ShockSpec> shocks = new ArrayList<>();
        for (Section shock : s.items("storage.correlated.shocks")) {
            ShockSpec sh = guard(shock.prefix(), () -> new ShockSpec(
                    shock.has("name") ? shock.string("name") : shock.string("kind"), shock.rate("rate"),
                    ShockSpec.Scope.valueOf(shock.string("scope").toUpperCase(Locale.ROOT)),
                    ShockSpec.Effect.valueOf(shock.string("effect").toUpperCase(Locale.ROOT)),
                    shock.intValue("disks"), shock.has("offlineTime") ? shock.distribution("offlineTime") : null));
            shocks.add(sh);
        }
        Section a = s.section("storage.correlated.aftershock");
        AftershockSpec aftershock = null;
        if (a.has("extraHazard")) {
            aftershock = guard(a.prefix(), () -> new AftershockSpec(a.duration("window"), a.rate("extraHazard")));
        } else if (a.has("burstFraction")) {
            // The survivors of a failure are the other disks of its array.
            aftershock = guard(a.prefix(), () -> AftershockSpec.calibrated(a.number("burstFraction"),
                    a.duration("window"), array.width() - 1));
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
        for (Section f : s.items("faults")) {
            double at = f.duration("at");
            boolean everyGroup = f.is("group", "all");
            int first = everyGroup ? 0 : f.intValue("group");
            int last = everyGroup ? groups - 1 : first;
            int array = f.intValue("array");
            String kind = f.string("kind");
            if (!List.of("disk-failure", "array-loss", "group-outage", "tier-outage").contains(kind)) {
                problem(f.prefix() + ".kind", "'" + kind + "' is not a fault kind the runtime supports; accepted:"
                        + " disk-failure, array-loss, group-outage, tier-outage");
                ok = false;
                continue;
            }
            for (int group = first; group <= last; group++) {
                switch (kind) {
                    case "disk-failure" -> {
                        List<Integer> disks = new ArrayList<>();
                        for (int d = 0; d < f.intValue("disks"); d++) {
                            disks.add(f.intValue("disk") + d);
                        }
                        out.add(new ScriptedFault(at, ScriptedFault.Action.FAIL, group, array, disks, 0));
                    }
                    // An empty disk list means every disk of the array.
                    case "array-loss" -> out.add(new ScriptedFault(at, ScriptedFault.Action.FAIL, group, array,
                            List.of(), 0));
                    case "group-outage" -> {
                        for (int a = 0; a < s.intValue("storage.arraysPerGroup"); a++) {
                            out.add(new ScriptedFault(at, ScriptedFault.Action.OFFLINE, group, a, List.of(),
                                    f.duration("duration")));
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
        if (s.integer("users.count") == 0) {
            return null;
        }
        return guard("users.mailbox", () -> new MailboxProfile(
                (Distributions.LogNormal) s.distribution("users.mailbox.messages"),
                (Distributions.LogNormal) s.distribution("users.mailbox.messageSize")));
    }

    private MailConfig mail(MailboxProfile mailbox) {
        if (mailbox == null) {
            return null;
        }
        TrafficProfile traffic = guard("traffic", this::traffic);
        TierConfig webmail = guard("tiers.webmail", () -> tier("webmail"));
        TierConfig database = guard("tiers.database", () -> tier("database"));
        TierConfig mta = guard("tiers.mta", () -> tier("mta"));
        if (traffic == null || webmail == null || database == null || mta == null) {
            return null;
        }
        return guard("users", () -> new MailConfig(Sharding.even(s.integer("users.count"),
                groups()), mailbox, traffic, s.duration("tiers.mta.queueLifetime"), webmail,
                database, mta));
    }

    private TrafficProfile traffic() {
        Section t = s.section("traffic");
        WeeklyProfile profile;
        if (t.has("hourlyProfile") || t.has("weeklyProfile")) {
            double[] hours = t.has("hourlyProfile") ? toArray(t.numbers("hourlyProfile")) : ones(24);
            double[] days = t.has("weeklyProfile") ? toArray(t.numbers("weeklyProfile")) : ones(7);
            profile = WeeklyProfile.separable(hours, days);
        } else {
            // Measured from SNAP email-Eu-core-temporal (Paranjape, Benson, Leskovec, WSDM 2017).
            profile = WeeklyProfile.emailEuCore();
        }
        return new TrafficProfile(24 * t.rate("received"), 24 * t.rate("sent"), 24 * t.rate("deleted"),
                t.number("growth"), profile);
    }

    /** A tier without a lifetime (only the MTA may omit it) does not fail at random. */
    private TierConfig tier(String name) {
        Section t = s.section("tiers." + name);
        return new TierConfig(name, t.intValue("servers"), t.has("lifetime") ? t.distribution("lifetime") : null,
                t.distribution("failover"));
    }

    private List<PortalSpec.TierOutage> tierOutages() {
        List<PortalSpec.TierOutage> out = new ArrayList<>();
        for (Section f : s.items("faults")) {
            if (f.is("kind", "tier-outage")) {
                PortalSpec.TierOutage o = guard(f.prefix(), () -> new PortalSpec.TierOutage(
                        PortalSpec.Tier.valueOf(f.string("tier").toUpperCase(Locale.ROOT)), f.duration("at"),
                        f.duration("duration")));
                if (o != null) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- operations, backups, costs

    private Runbook runbook(Runbook preset, Distribution handling, Distribution restock) {
        Section o = s.section("operations");
        return guard("operations", () -> {
            Runbook.Vendor v = preset.vendor();
            Runbook.Restore r = preset.restore();
            Runbook.Staffing st = preset.staffing();
            return new Runbook(
                    o.has("detection") ? o.distribution("detection") : preset.detectionDelay(),
                    o.has("response") ? o.distribution("response") : preset.onCallResponse(),
                    new Runbook.DiskReplacement(handling, restock, o.has("engineerHoursPerDisk")
                            ? o.number("engineerHoursPerDisk") : preset.diskReplacement().engineerHoursPerDisk()),
                    new Runbook.Provisioning(o.has("provisioning") ? o.distribution("provisioning")
                            : preset.provisioning().time()),
                    new Runbook.Restore(
                            o.has("restore.fileRate") ? o.fileRate("restore.fileRate") : r.filesPerSecond(),
                            o.has("restore.bandwidth") ? o.bandwidth("restore.bandwidth") : r.bytesPerSecond(),
                            o.has("restore.offsiteRecall") ? o.distribution("restore.offsiteRecall")
                                    : r.offsiteRecall()),
                    new Runbook.Vendor(
                            o.has("vendor.use") ? o.flag("vendor.use") : v.available(),
                            o.has("vendor.time") ? o.distribution("vendor.time") : v.turnaround(),
                            !o.has("vendor.bandwidth") ? v.bytesPerSecond() : o.is("vendor.bandwidth", "unlimited")
                                    ? Double.POSITIVE_INFINITY : o.bandwidth("vendor.bandwidth"),
                            o.has("vendor.recoverable") ? o.number("vendor.recoverable") : v.recoverableFraction(),
                            o.has("vendor.pricePerTB") ? o.number("vendor.pricePerTB") : v.pricePerTB(),
                            o.has("vendor.forBackupGap") ? o.flag("vendor.forBackupGap") : v.forBackupGap()),
                    new Runbook.Merge(o.has("merge.fileRate") ? o.fileRate("merge.fileRate")
                            : preset.merge().filesPerSecond()),
                    new Runbook.Staffing(
                            o.has("staffing.whileDown") ? o.number("staffing.whileDown") : st.whileDown(),
                            o.has("staffing.whileRecovering") ? o.number("staffing.whileRecovering")
                                    : st.whileRecovering()));
        });
    }

    private BackupPolicy backups() {
        Section b = s.section("backups");
        BackupPolicy.Kind kind = BackupPolicy.Kind.of(b.string("policy"));
        if (kind == BackupPolicy.Kind.NONE) {
            return BackupPolicy.NONE;
        }
        return guard("backups", () -> {
            double interval = b.duration("interval");
            double inf = Double.POSITIVE_INFINITY;
            int retained = b.has("retainedCopies") ? b.intValue("retainedCopies")
                    : kind == BackupPolicy.Kind.SNAPSHOT ? 1 : 2;
            double full = kind == BackupPolicy.Kind.INCREMENTAL ? b.duration("fullInterval") : interval;
            // Snapshots are block-level: only bytes bound them (no per-file copy or scan).
            boolean fileLevel = kind != BackupPolicy.Kind.SNAPSHOT;
            return new BackupPolicy(kind, full, interval, b.duration("startOffset"),
                    fileLevel ? b.fileRate("fileRate") : inf, b.bandwidth("bandwidth"),
                    kind == BackupPolicy.Kind.INCREMENTAL ? b.fileRate("scanFileRate") : inf, b.flag("offsite"),
                    b.duration("offsiteDelay"), retained);
        });
    }

    private CostSpec costs() {
        CostSpec p = s.is("costs.preset", "2008") ? CostSpec.PRICES_2008 : CostSpec.PRICES_TODAY;
        Section c = s.section("costs");
        return guard("costs", () -> new CostSpec(
                c.has("currency") ? c.string("currency") : p.currency(),
                or(c, "disk", p.diskPrice()),
                or(c, "server", p.serverPrice()),
                or(c, "backupStoragePerTB", p.backupStoragePricePerTB()),
                c.has("hardwareLife") ? c.duration("hardwareLife") / 8760 : p.hardwareLifeYears(),
                or(c, "powerPerDiskYear", p.powerPerDiskYear()),
                or(c, "restockPerDisk", p.restockFeePerDisk()),
                or(c, "backupOperationPerTBYear", p.backupOperationPerTBYear()),
                or(c, "engineerHour", p.engineerHourRate()),
                or(c, "compensationPerUserHour", p.compensationPerUserHour()),
                or(c, "compensationPerUserWithLoss", p.compensationPerUserWithLoss())));
    }

    private static double or(Section c, String key, double preset) {
        return c.has(key) ? c.number(key) : preset;
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

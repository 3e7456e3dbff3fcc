package org.mailsim.scenario;

import static org.mailsim.scenario.ValueType.BANDWIDTH;
import static org.mailsim.scenario.ValueType.BOOLEAN;
import static org.mailsim.scenario.ValueType.CHOICE;
import static org.mailsim.scenario.ValueType.DISTRIBUTION;
import static org.mailsim.scenario.ValueType.DURATION;
import static org.mailsim.scenario.ValueType.FILE_RATE;
import static org.mailsim.scenario.ValueType.FRACTION;
import static org.mailsim.scenario.ValueType.INT;
import static org.mailsim.scenario.ValueType.NUMBER;
import static org.mailsim.scenario.ValueType.NUMBER_LIST;
import static org.mailsim.scenario.ValueType.PROBABILITY;
import static org.mailsim.scenario.ValueType.RATE;
import static org.mailsim.scenario.ValueType.SECTION_LIST;
import static org.mailsim.scenario.ValueType.SIZE;
import static org.mailsim.scenario.ValueType.STRING;
import static org.mailsim.scenario.ValueType.SWEEP;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every scenario key in one table (mailsim's "reference.conf"): type, default, range, unit and meaning. Validation,
 * defaults, the typed {@link Scenario} view and docs/scenario-format.md all come from this table, so adding a key
 * is one line here. Keys of list elements are written {@code faults[].at}.
 */
public final class Schema {
    private static final Quantity H = Quantity.DURATION;

    /** The scenario schema. Order here is the order of the documentation and of the scenario as run. */
    public static final Schema SCENARIO = new Schema(List.of(
            // ---- the run (MISSION.md section 6: these keep their meaning)
            key("name", STRING, "Short name of the scenario; names report folders (letters, digits, . _ -).").required(),
            key("description", STRING, "What the scenario is for, one or two sentences."),
            key("extends", STRING, "A base scenario this one overrides, relative to this file; chains allowed."),
            key("seed", INT, "Seed of all random streams; same seed, same results.").defaultValue("1")
                    .range("0", null),
            key("replications", INT, "Independent replications of the horizon.").defaultValue("1000")
                    .range("1", "100000000"),
            key("horizon", DURATION, "Simulated time per replication, or first-data-loss to run each replication"
                    + " until its first data loss (capped by maxHorizon).").defaultValue("10y").above("0", "100000y")
                    .orWords("first-data-loss"),
            key("maxHorizon", DURATION, "Cap on a replication's length when horizon is first-data-loss.")
                    .defaultValue("10000y").above("0", "10000000y"),
            key("randomFailures", BOOLEAN, "Draw random failures; false runs only the scripted faults.")
                    .defaultValue("true"),

            // ---- storage: arrays
            key("storage.groups", INT, "Storage groups (one server's arrays each); users are sharded over them.")
                    .defaultValue("1").range("1", "10000000"),
            key("storage.arraysPerGroup", INT, "Arrays in each storage group.").defaultValue("1")
                    .range("1", "100000"),
            key("storage.raid.level", CHOICE, "Array layout; width counts every disk, parity included.").required()
                    .choices("raid0", "raid1", "mirror", "raid5", "raid6", "raid10", "raid50", "raid60", "erasure"),
            key("storage.raid.width", INT, "Disks per array, parity included (copies for mirror).").required()
                    .range("1", "10000"),
            key("storage.raid.spans", INT, "Sub-arrays striped together, for raid50 and raid60.").range("2", "1000"),
            key("storage.raid.data", INT, "Data fragments of an erasure code (k in k+m).").range("1", "10000"),
            key("storage.raid.parity", INT, "Parity fragments of an erasure code (m in k+m).").range("1", "1000"),

            // ---- storage: disks
            key("storage.disk.capacity", SIZE, "Capacity of one disk.").required().above("0", "1EB"),
            key("storage.disk.bandwidth", BANDWIDTH, "Sequential read/write bandwidth of one disk.")
                    .defaultValue("200MB/s").above("0", "100GB/s"),
            key("storage.disk.fileRate", FILE_RATE, "Small files one disk reads or writes per second.")
                    .defaultValue("150 files/s").above("0", "100000000 files/s"),
            key("storage.disk.lifetime", DISTRIBUTION, "Time to failure of one disk.").required().of(H),
            key("storage.disk.ure", NUMBER, "Unrecoverable read errors per bit read (1e-14 desktop, 1e-15"
                    + " enterprise).").defaultValue("1e-15").range("0", "0.001"),
            key("storage.disk.latentErrors.rate", RATE, "Arrival rate of latent sector errors per disk (Elerath &"
                    + " Pecht: 1.08e-4/h); 0 for none.").defaultValue("0").range("0", "1000/h"),
            key("storage.disk.latentErrors.burst", INT, "Sectors hit by one latent-error arrival.").defaultValue("1")
                    .range("1", "1000000"),
            key("storage.disk.latentErrors.scrub.interval", DURATION, "Mean time between scrubs of a disk; absent"
                    + " for no scrubbing.").above("0", "100y"),
            key("storage.disk.latentErrors.scrub.distribution", CHOICE, "Whether scrub intervals are fixed or"
                    + " exponential.").defaultValue("deterministic").choices("deterministic", "exponential"),

            // ---- storage: rebuilds and spares
            key("storage.rebuild.time", DISTRIBUTION, "Rebuild duration drawn from a distribution; excludes"
                    + " rebuild.rate.").of(H),
            key("storage.rebuild.rate", BANDWIDTH, "Rebuild speed; duration = data to rebuild / rate (used when"
                    + " rebuild.time is absent).").defaultValue("50MB/s").above("0", "100GB/s")
                    .exclusiveWith("storage.rebuild.time"),
            key("storage.rebuild.reads", CHOICE, "Data a rebuild reads and writes: the whole disk or the used data.")
                    .defaultValue("whole-disk").choices("whole-disk", "used-data"),
            key("storage.rebuild.loadFactor", FRACTION, "Rebuild speed under foreground mail load, as a fraction of"
                    + " idle speed.").defaultValue("1").above("0", "1"),
            key("storage.repairCrews", INT, "Rebuilds at once per array: 1 (one at a time) or unlimited.")
                    .defaultValue("unlimited").range("1", "1000").orWords("unlimited"),
            key("storage.spares.hot", INT, "Hot spares per array; a rebuild starts at once on one.").defaultValue("0")
                    .range("0", "1000"),
            key("storage.spares.pool", INT, "Hot spares shared by the arrays of a group.").defaultValue("0")
                    .range("0", "100000"),
            key("storage.spares.cold", INT, "Cold spares in stock for the whole fleet.").defaultValue("0")
                    .range("0", "10000000"),
            key("storage.spares.handlingTime", DURATION, "Time to fit a cold spare.").defaultValue("4h")
                    .range("0", "1y"),
            key("storage.spares.restockDelay", DURATION, "Delay to restock cold spares when the stock runs out.")
                    .defaultValue("5d").range("0", "10y"),

            // ---- storage: correlated failures
            key("storage.correlated.lots.count", INT, "Manufacturing lots the disks are drawn from.")
                    .defaultValue("1").range("1", "100000"),
            key("storage.correlated.lots.multiplier", DISTRIBUTION, "Hazard multiplier shared by a lot's disks.")
                    .defaultValue("{distribution: deterministic, value: 1}"),
            key("storage.correlated.afterFailure.multiplier", NUMBER, "Hazard multiplier of an array's survivors"
                    + " while it rebuilds.").defaultValue("1").range("1", "1000"),
            key("storage.correlated.shocks", SECTION_LIST, "Shocks that fail or take offline several disks at once."),
            key("storage.correlated.shocks[].kind", CHOICE, "What the shock is.").required()
                    .choices("enclosure", "controller", "power", "datacenter-move"),
            key("storage.correlated.shocks[].rate", RATE, "Arrivals of this shock per array (or per group).")
                    .required().range("0", "1000/h"),
            key("storage.correlated.shocks[].scope", CHOICE, "What one shock hits.").defaultValue("array")
                    .choices("array", "group", "fleet"),
            key("storage.correlated.shocks[].failProbability", PROBABILITY, "Chance each disk hit fails.")
                    .defaultValue("0.1").range("0", "1"),
            key("storage.correlated.shocks[].offline", DURATION, "Time the surviving disks hit are offline.")
                    .defaultValue("0").range("0", "1y"),

            // ---- scripted faults (replays)
            key("faults", SECTION_LIST, "Faults injected at set times, on top of (or, with randomFailures: false,"
                    + " instead of) random ones."),
            key("faults[].at", DURATION, "When the fault happens, from the start of the replication.").required()
                    .range("0", null),
            key("faults[].kind", CHOICE, "What fails.").required()
                    .choices("disk-failure", "array-loss", "group-outage", "latent-error", "shock", "tier-outage",
                            "mailbox-deletion"),
            key("faults[].group", INT, "Storage group hit (0-based).").defaultValue("0").range("0", null),
            key("faults[].array", INT, "Array within the group (0-based).").defaultValue("0").range("0", null),
            key("faults[].disks", INT, "Disks failing at once.").defaultValue("1").range("1", "10000"),
            key("faults[].duration", DURATION, "How long an outage lasts (group-outage, tier-outage).")
                    .above("0", "10y"),
            key("faults[].tier", CHOICE, "Tier hit by a tier-outage.").choices("mta", "webmail", "database"),
            key("faults[].users", INT, "Users hit by a mailbox-deletion.").range("1", null),

            // ---- users and mail
            key("users.count", INT, "Users, sharded evenly over the storage groups; 0 models no users.")
                    .defaultValue("0").range("0", "100000000000"),
            key("users.mailbox.messages", DISTRIBUTION, "Messages in one mailbox.")
                    .defaultValue("{distribution: lognormal, median: 2000, sigma: 1.2}"),
            key("users.mailbox.messageSize", DISTRIBUTION, "Bytes of one message.").of(Quantity.SIZE)
                    .defaultValue("{distribution: lognormal, median: 20kB, sigma: 1.5}"),
            key("traffic.received", RATE, "Mails received per user.").defaultValue("40/d").range("0", "100000/h"),
            key("traffic.sent", RATE, "Mails sent per user.").defaultValue("10/d").range("0", "100000/h"),
            key("traffic.deleted", RATE, "Mails deleted per user.").defaultValue("30/d").range("0", "100000/h"),
            key("traffic.hourlyProfile", NUMBER_LIST, "Relative traffic in each hour of the day, 0-23 (flat when"
                    + " absent).").length(24).range("0", null),
            key("traffic.weeklyProfile", NUMBER_LIST, "Relative traffic on each day, Monday first (flat when"
                    + " absent).").length(7).range("0", null),
            key("traffic.growth", FRACTION, "Yearly traffic growth (0.2 or 20% = +20% a year).").defaultValue("0")
                    .range("-1", "100"),

            // ---- service tiers
            key("tiers.mta.queueLifetime", DURATION, "How long the MTA keeps deferred mail before bouncing it.")
                    .defaultValue("5d").above("0", "1y"),
            tier("mta"), tierLifetime("mta"), tierFailover("mta"),
            tier("webmail"), tierLifetime("webmail"), tierFailover("webmail"),
            tier("database"), tierLifetime("database"), tierFailover("database"),

            // ---- operations (the runbook)
            key("operations.detection", DURATION, "Time until a failure is noticed.").defaultValue("15m")
                    .range("0", "1y"),
            key("operations.response", DURATION, "On-call response time after detection.").defaultValue("1h")
                    .range("0", "1y"),
            key("operations.provisioning", DURATION, "Time to provision replacement storage for a failed group and"
                    + " redirect its new mail there.").defaultValue("1d").range("0", "1y"),
            key("operations.restore.fileRate", FILE_RATE, "Files per second a restore from backup writes.")
                    .defaultValue("2000 files/s").above("0", null),
            key("operations.restore.bandwidth", BANDWIDTH, "Bytes per second a restore from backup writes.")
                    .defaultValue("100MB/s").above("0", null),
            key("operations.vendor.use", BOOLEAN, "Send a lost array to a data-recovery vendor.")
                    .defaultValue("false"),
            key("operations.vendor.time", DISTRIBUTION, "Time the vendor takes.").of(H)
                    .defaultValue("{distribution: uniform, low: 3d, high: 10d}"),
            key("operations.vendor.recoverable", PROBABILITY, "Fraction of the data the vendor recovers.")
                    .defaultValue("0.9").range("0", "1"),
            key("operations.merge.fileRate", FILE_RATE, "Files per second merged from recovered data into live"
                    + " storage.").defaultValue("500 files/s").above("0", null),
            key("operations.selfBackup.fraction", PROBABILITY, "Users who export their own mail.").defaultValue("0")
                    .range("0", "1"),
            key("operations.selfBackup.interval", DURATION, "How often those users export.").defaultValue("30d")
                    .above("0", "10y"),

            // ---- backups
            key("backups.policy", CHOICE, "Backup scheme.").defaultValue("none")
                    .choices("none", "full", "incremental", "snapshot"),
            key("backups.interval", DURATION, "Time between backups (incrementals for 'incremental').")
                    .defaultValue("1d").above("0", "10y"),
            key("backups.fullInterval", DURATION, "Time between full backups under 'incremental'.")
                    .defaultValue("1w").above("0", "10y"),
            key("backups.window", DURATION, "Time a backup may run before it is abandoned.").defaultValue("8h")
                    .above("0", "10y"),
            key("backups.fileRate", FILE_RATE, "Files per second a backup reads.").defaultValue("1000 files/s")
                    .above("0", null),
            key("backups.bandwidth", BANDWIDTH, "Bytes per second a backup reads.").defaultValue("200MB/s")
                    .above("0", null),
            key("backups.offsite", BOOLEAN, "Keep a copy off site (survives a site-wide event).")
                    .defaultValue("false"),

            // ---- costs (in costs.currency)
            key("costs.currency", STRING, "Currency of every cost.").defaultValue("USD"),
            key("costs.disk", NUMBER, "Price of one disk (data, parity or spare).").defaultValue("0")
                    .range("0", null),
            key("costs.server", NUMBER, "Price of one server (one per storage group).").defaultValue("0")
                    .range("0", null),
            key("costs.powerPerDiskYear", NUMBER, "Power and cooling per disk per year.").defaultValue("0")
                    .range("0", null),
            key("costs.backupPerTBYear", NUMBER, "Backup storage per TB per year.").defaultValue("0")
                    .range("0", null),
            key("costs.restock", NUMBER, "Cost of one cold-spare restocking order.").defaultValue("0")
                    .range("0", null),
            key("costs.vendorPerTB", NUMBER, "Data-recovery vendor's price per TB recovered.").defaultValue("0")
                    .range("0", null),
            key("costs.engineerHour", NUMBER, "Cost of one engineer hour during an incident.").defaultValue("0")
                    .range("0", null),
            key("costs.compensationPerUserHour", NUMBER, "Compensation per user-hour without mailbox access.")
                    .defaultValue("0").range("0", null),
            key("costs.compensationPerUserWithLoss", NUMBER, "Compensation per user who lost mail.")
                    .defaultValue("0").range("0", null),

            // ---- sweeps
            key("sweep", SWEEP, "Keys to vary (key path -> list of values); every combination is run.")));

    private static Key key(String path, ValueType type, String description) {
        return Key.of(path, type, description);
    }

    private static Key tier(String tier) {
        return key("tiers." + tier + ".servers", INT, "Servers in the " + tier + " tier.").defaultValue("2")
                .range("1", "100000");
    }

    private static Key tierLifetime(String tier) {
        return key("tiers." + tier + ".lifetime", DISTRIBUTION, "Time to failure of one " + tier
                + " server; absent: never fails.").of(H);
    }

    private static Key tierFailover(String tier) {
        return key("tiers." + tier + ".failover", DURATION, "Time to fail over to another " + tier + " server.")
                .defaultValue("5m").range("0", "1y");
    }

    private final Map<String, Key> keys = new LinkedHashMap<>();
    private final Set<String> sections = new TreeSet<>();

    private Schema(List<Key> list) {
        for (Key k : list) {
            if (keys.put(k.path(), k) != null) {
                throw new IllegalStateException("key listed twice: " + k.path());
            }
            String p = k.path();
            for (int dot = p.indexOf('.'); dot >= 0; dot = p.indexOf('.', dot + 1)) {
                sections.add(p.substring(0, dot));
            }
        }
        for (Key k : list) {
            if (sections.contains(k.path()) && k.type() != SECTION_LIST) {
                throw new IllegalStateException(k.path() + " is both a key and a section");
            }
        }
    }

    /** All keys in documentation order. */
    public List<Key> keys() {
        return List.copyOf(keys.values());
    }

    /** The key at a schema path (list elements as {@code faults[].at}), or null. */
    public Key key(String schemaPath) {
        return keys.get(schemaPath);
    }

    /** True when {@code schemaPath} is a map of keys (storage, storage.disk, faults[], ...). */
    public boolean isSection(String schemaPath) {
        return sections.contains(schemaPath);
    }

    /** The names one level below a section ("" for the top), for "did you mean". */
    public List<String> childNames(String section) {
        List<String> out = new ArrayList<>();
        String prefix = section.isEmpty() ? "" : section + ".";
        for (String p : keys.keySet()) {
            if (p.startsWith(prefix)) {
                String rest = p.substring(prefix.length());
                int dot = rest.indexOf('.');
                String child = dot < 0 ? rest : rest.substring(0, dot);
                if (child.endsWith("[]")) {
                    continue;
                }
                if (!out.contains(child)) {
                    out.add(child);
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Full paths of all keys outside list elements, for "did you mean" across sections. */
    public List<String> topLevelPaths() {
        List<String> out = new ArrayList<>();
        for (String p : keys.keySet()) {
            if (!p.contains("[]")) {
                out.add(p);
            }
        }
        return out;
    }
}

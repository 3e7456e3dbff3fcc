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

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every scenario key in one table (mailsim's "reference.conf"): type, default, range, unit and meaning. Validation,
 * defaults, the typed {@link Scenario} view and docs/scenario-format.md all come from this table. Each key is a
 * constant ({@link #STORAGE_DISK_CAPACITY} for {@code storage.disk.capacity}: the path in upper snake case, list
 * markers dropped), and code reads values through these constants ({@code scenario.size(STORAGE_DISK_CAPACITY)}),
 * never through a path typed again, so a misspelt key does not compile. Adding a key is one constant here and the
 * code that reads it. Keys of list elements are written {@code faults[].at} and read from an item's
 * {@link Section} ({@code fault.duration(FAULTS_AT)}).
 */
public final class Schema {
    private static final Quantity H = Quantity.DURATION;
    /** Distribution families a disk lifetime accepts: the general ones and the two lifetime-only ones. */
    private static final String[] LIFETIME_FAMILIES = {"exponential", "weibull", "bathtub", "hazardTable",
        "deterministic", "lognormal", "uniform", "empirical"};

    /** Every key below in declaration order (the order of the documentation and of the scenario as run). */
    private static final List<Key> TABLE = new ArrayList<>();

    // ---- the run
    public static final Key NAME = add(
            key("name", STRING, "Short name of the scenario; names report folders (letters, digits, . _ -).")
                    .required());
    public static final Key DESCRIPTION = add(
            key("description", STRING, "What the scenario is for, one or two sentences."));
    public static final Key EXTENDS = add(
            key("extends", STRING, "A base scenario this one overrides, relative to this file; chains allowed."));
    public static final Key SEED = add(
            key("seed", INT, "Seed of all random streams; same seed, same results.").defaultValue("1")
                    .range("0", null));
    public static final Key REPLICATIONS = add(
            key("replications", INT, "Independent replications of the horizon.").defaultValue("1000")
                    .range("1", "100000000"));
    public static final Key HORIZON = add(
            key("horizon", DURATION, "Simulated time per replication, or first-data-loss to run each replication"
                    + " until its first data loss (capped by maxHorizon). MTTDL is the sample mean of the times to"
                    + " first loss only then; from a fixed horizon it is exposure / losses, the exponential"
                    + " approximation, labelled so and warned about when the hazard visibly is not constant.").defaultValue("10y").above("0", "100000y")
                    .orWords("first-data-loss"));
    public static final Key MAX_HORIZON = add(
            key("maxHorizon", DURATION, "Cap on a replication's length when horizon is first-data-loss.")
                    .defaultValue("10000y").above("0", "10000000y"));
    public static final Key RANDOM_FAILURES = add(
            key("randomFailures", BOOLEAN, "Draw random failures; false runs only the scripted faults.")
                    .defaultValue("true"));
    public static final Key ESTIMATOR = add(
            key("estimator", CHOICE, "How P(data loss) is estimated: plain (the share of replications that lost"
                    + " data), rare (the rare-event estimator, for probabilities far below 1/replications: importance"
                    + " sampling per array, scaled to the fleet) or auto (rare when the plain replications saw fewer"
                    + " than 30 losses); mailsim run --estimator overrides it.").defaultValue("plain")
                    .choices("plain", "rare", "auto"));
    public static final Key PRECISION = add(
            key("precision", FRACTION, "Rare-event estimator: stop when the 95% interval's half-width is at most"
                    + " this fraction of the estimate; mailsim run --precision overrides it.").defaultValue("10%")
                    .above("0", "1"));
    public static final Key MAX_EVENTS = add(
            key("maxEvents", INT, "Events one replication may fire before it is stopped as a runaway (a model"
                    + " that keeps scheduling events); raise it for a replication that really needs more, such as"
                    + " thousands of tier servers over decades. It changes no result, only whether a run finishes;"
                    + " mailsim run --max-events overrides it.")
                    .defaultValue(Long.toString(org.mailsim.engine.Simulator.DEFAULT_EVENT_BUDGET))
                    .range("1", "1000000000000000"));

    // ---- storage: arrays
    public static final Key STORAGE_GROUPS = add(
            key("storage.groups", INT, "Storage groups (one server's arrays each); users are sharded over them.")
                    .defaultValue("1").range("1", "10000000"));
    public static final Key STORAGE_USABLE_CAPACITY = add(
            key("storage.usableCapacity", SIZE, "Usable capacity to provide instead of a number of groups: the"
                    + " groups are derived as ceil(capacity / (arraysPerGroup x data disks x disk capacity)), so"
                    + " layouts of different levels and widths compare at (nearly) equal usable capacity.")
                    .above("0", "1000000EB").exclusiveWith(STORAGE_GROUPS));
    public static final Key STORAGE_ARRAYS_PER_GROUP = add(
            key("storage.arraysPerGroup", INT, "Arrays in each storage group.").defaultValue("1")
                    .range("1", "100000"));
    public static final Key STORAGE_RAID_LEVEL = add(
            key("storage.raid.level", CHOICE, "Array layout; width counts every disk, parity included.").required()
                    .choices("raid0", "raid1", "mirror", "raid5", "raid6", "raid10", "raid50", "raid60", "erasure"));
    public static final Key STORAGE_RAID_WIDTH = add(
            key("storage.raid.width", INT, "Disks per array, parity included (copies for mirror); at most 64.")
                    .required().range("1", "64"));
    public static final Key STORAGE_RAID_SPANS = add(
            key("storage.raid.spans", INT, "Sub-arrays striped together, for raid50 and raid60 (default 2).")
                    .range("2", "32"));
    public static final Key STORAGE_RAID_DATA = add(
            key("storage.raid.data", INT, "Data fragments of an erasure code (k in k+m).").range("1", "63"));
    public static final Key STORAGE_RAID_PARITY = add(
            key("storage.raid.parity", INT, "Parity fragments of an erasure code (m in k+m).").range("1", "63"));

    // ---- storage: disks
    public static final Key STORAGE_DISK_CAPACITY = add(
            key("storage.disk.capacity", SIZE, "Capacity of one disk.").required().above("0", "1EB"));
    public static final Key STORAGE_DISK_BANDWIDTH = add(
            key("storage.disk.bandwidth", BANDWIDTH, "Sequential read/write bandwidth of one disk (restores and"
                    + " copies; rebuilds use storage.rebuild.rate).").defaultValue("150MB/s").above("0", "100GB/s"));
    public static final Key STORAGE_DISK_FILE_RATE = add(
            key("storage.disk.fileRate", FILE_RATE, "Small files one disk reads or writes per second.")
                    .defaultValue("200 files/s").above("0", "100000000 files/s"));
    public static final Key STORAGE_DISK_SECTOR_SIZE = add(
            key("storage.disk.sectorSize", SIZE, "Bytes lost per unreadable sector (a URE or latent error met with"
                    + " no redundancy left).").defaultValue("4KiB").range("512B", "1MiB"));
    public static final Key STORAGE_DISK_LIFETIME = add(
            key("storage.disk.lifetime", DISTRIBUTION, "Time to failure of one new disk: exponential (mean),"
                    + " weibull (shape, scale, location), bathtub (infant mortality + useful life + wear-out as"
                    + " competing risks) or hazardTable (annualised failure rate by age), or any other family.")
                    .required().of(H).choices(LIFETIME_FAMILIES));
    public static final Key STORAGE_DISK_URE = add(
            key("storage.disk.ure", NUMBER, "Unrecoverable read errors per bit read (1e-14 desktop, 1e-15"
                    + " enterprise).").defaultValue("1e-15").range("0", "0.001"));
    public static final Key STORAGE_DISK_LATENT_ERRORS_RATE = add(
            key("storage.disk.latentErrors.rate", RATE, "Arrival rate of latent sector errors per disk (Elerath &"
                    + " Pecht: 1.08e-4/h); 0 for none.").defaultValue("0").range("0", "1000/h"));
    public static final Key STORAGE_DISK_LATENT_ERRORS_BURST = add(
            key("storage.disk.latentErrors.burst", INT, "Sectors hit by one latent-error arrival.").defaultValue("1")
                    .range("1", "1000000"));
    public static final Key STORAGE_DISK_LATENT_ERRORS_SCRUB_INTERVAL = add(
            key("storage.disk.latentErrors.scrub.interval", DURATION, "Time between scrubs of a disk (mean time for"
                    + " exponential); absent with no detectionTime: no scrubbing, only rebuilds find latent errors.")
                    .above("0", "100y"));
    public static final Key STORAGE_DISK_LATENT_ERRORS_SCRUB_DISTRIBUTION = add(
            key("storage.disk.latentErrors.scrub.distribution", CHOICE, "Whether scrub intervals are fixed (each"
                    + " disk with its own phase) or exponential (a Poisson scrub process).")
                    .defaultValue("deterministic").choices("deterministic", "exponential"));
    public static final Key STORAGE_DISK_LATENT_ERRORS_SCRUB_DETECTION_TIME = add(
            key("storage.disk.latentErrors.scrub.detectionTime", DISTRIBUTION, "Instead of interval: time from a"
                    + " disk's first undetected latent error to the scrub that finds it, as in Elerath & Pecht"
                    + " (weibull 3, 168h, location 6h).").of(H)
                    .exclusiveWith(STORAGE_DISK_LATENT_ERRORS_SCRUB_INTERVAL));

    // ---- storage: rebuilds and spares
    public static final Key STORAGE_REBUILD_TIME = add(
            key("storage.rebuild.time", DISTRIBUTION, "Rebuild duration drawn from a distribution; excludes"
                    + " rebuild.rate.").of(H));
    public static final Key STORAGE_REBUILD_RATE = add(
            key("storage.rebuild.rate", BANDWIDTH, "Idle rebuild speed; duration = data to rebuild / rate /"
                    + " loadFactor (used when rebuild.time is absent).").defaultValue("50MB/s").above("0", "100GB/s")
                    .exclusiveWith(STORAGE_REBUILD_TIME));
    public static final Key STORAGE_REBUILD_READS = add(
            key("storage.rebuild.reads", CHOICE, "Data a rate-based rebuild reads and writes: the whole disk, or"
                    + " the used data (the users' expected mailbox bytes over the group's usable capacity, at most"
                    + " the whole disk; needs users.count > 0).").defaultValue("whole-disk")
                    .choices("whole-disk", "used-data"));
    public static final Key STORAGE_REBUILD_LOAD_FACTOR = add(
            key("storage.rebuild.loadFactor", FRACTION, "Rebuild speed under foreground mail load, as a fraction of"
                    + " idle speed (0.5: rebuilds take twice as long); rate-based rebuilds only.").defaultValue("1")
                    .above("0", "1"));
    public static final Key STORAGE_REPAIR_CREWS = add(
            key("storage.repairCrews", INT, "Rebuilds at once per array: 1 (one at a time) or unlimited.")
                    .defaultValue("unlimited").range("1", "1").orWords("unlimited"));
    public static final Key STORAGE_SPARES_KIND = add(
            key("storage.spares.kind", CHOICE, "Spare disks: none (a rebuild starts at once, as in the textbook"
                    + " Markov models), hot (in the enclosure; the rebuild starts at once when one is free) or cold"
                    + " (on a shelf; the rebuild starts after handlingTime).").defaultValue("none")
                    .choices("none", "hot", "cold"));
    public static final Key STORAGE_SPARES_SCOPE = add(
            key("storage.spares.scope", CHOICE, "Whether the spares belong to each array or are shared by the"
                    + " arrays of a storage group.").defaultValue("array").choices("array", "group"));
    public static final Key STORAGE_SPARES_COUNT = add(
            key("storage.spares.count", INT, "Spares per array (scope array) or per storage group (scope group).")
                    .defaultValue("1").range("1", "100000"));
    public static final Key STORAGE_SPARES_HANDLING_TIME = add(
            key("storage.spares.handlingTime", DISTRIBUTION, "Cold spares: time from a failure until someone has"
                    + " inserted a spare (the operations team's side of a disk swap).").of(H).defaultValue("2h"));
    public static final Key STORAGE_SPARES_RESTOCK_TIME = add(
            key("storage.spares.restockTime", DISTRIBUTION, "Time until a used spare is replaced (hot: the failed"
                    + " disk swapped for a new spare; cold: a reorder arriving).").of(H).defaultValue("3d"));

    // ---- storage: correlated failures
    public static final Key STORAGE_CORRELATED_LOTS = add(
            key("storage.correlated.lots", SECTION_LIST, "Manufacturing lots: a fraction of the arrays is built"
                    + " from one lot whose disks' hazard is multiplied (drawn per array). The multiplier marks the"
                    + " disks the array was built with; replacement disks come from other lots (nominal hazard)"
                    + " unless replacements says otherwise."));
    public static final Key STORAGE_CORRELATED_LOTS_NAME = add(
            key("storage.correlated.lots[].name", STRING, "Name of the lot, for reports.").required());
    public static final Key STORAGE_CORRELATED_LOTS_FRACTION = add(
            key("storage.correlated.lots[].fraction", PROBABILITY, "Fraction of the arrays built from this lot;"
                    + " fractions add up to at most 1 (the rest is nominal).").required().above("0", "1"));
    public static final Key STORAGE_CORRELATED_LOTS_HAZARD_MULTIPLIER = add(
            key("storage.correlated.lots[].hazardMultiplier", NUMBER, "Hazard of this lot's disks relative to the"
                    + " lifetime (proportional hazards: survival S(t)^multiplier).").required().above("0", "1000"));
    public static final Key STORAGE_CORRELATED_LOTS_REPLACEMENTS = add(
            key("storage.correlated.lots[].replacements", PROBABILITY, "Fraction of replacement disks (after a"
                    + " rebuild, or for a lost array) that come from the same lot, when the spares were bought with"
                    + " the array; 0: every replacement is nominal.").defaultValue("0").range("0", "1"));
    public static final Key STORAGE_CORRELATED_SHOCKS = add(
            key("storage.correlated.shocks", SECTION_LIST, "Shocks that fail or take offline several disks at once,"
                    + " arriving as a Poisson process."));
    public static final Key STORAGE_CORRELATED_SHOCKS_KIND = add(
            key("storage.correlated.shocks[].kind", CHOICE, "What the shock is.").required()
                    .choices("enclosure", "controller", "power", "datacenter-move", "other"));
    public static final Key STORAGE_CORRELATED_SHOCKS_NAME = add(
            key("storage.correlated.shocks[].name", STRING, "Name for reports; absent: the kind."));
    public static final Key STORAGE_CORRELATED_SHOCKS_RATE = add(
            key("storage.correlated.shocks[].rate", RATE, "Arrivals per array (scope array) or per storage group"
                    + " (scope group).").required().above("0", "1000/h"));
    public static final Key STORAGE_CORRELATED_SHOCKS_SCOPE = add(
            key("storage.correlated.shocks[].scope", CHOICE, "What one shock hits: one array, or every array of"
                    + " a storage group.").defaultValue("array").choices("array", "group"));
    public static final Key STORAGE_CORRELATED_SHOCKS_EFFECT = add(
            key("storage.correlated.shocks[].effect", CHOICE, "Whether the disks hit fail, or go offline and come"
                    + " back with their data (unless their array was lost meanwhile).").defaultValue("fail")
                    .choices("fail", "offline"));
    public static final Key STORAGE_CORRELATED_SHOCKS_DISKS = add(
            key("storage.correlated.shocks[].disks", INT, "Distinct disks hit in each array the shock reaches,"
                    + " chosen at random, or all: every disk of the array (whatever its width, as when a sweep"
                    + " varies it).").defaultValue("1").range("1", "64").orWords("all"));
    public static final Key STORAGE_CORRELATED_SHOCKS_OFFLINE_TIME = add(
            key("storage.correlated.shocks[].offlineTime", DISTRIBUTION, "How long disks hit by an offline shock"
                    + " stay offline (effect offline only).").of(H));
    public static final Key STORAGE_CORRELATED_AFTERSHOCK_WINDOW = add(
            key("storage.correlated.aftershock.window", DURATION, "After a disk fails, the time its array's"
                    + " survivors carry an extra hazard.").defaultValue("10m").above("0", "10y"));
    public static final Key STORAGE_CORRELATED_AFTERSHOCK_EXTRA_HAZARD = add(
            key("storage.correlated.aftershock.extraHazard", RATE, "Extra hazard of each survivor during the"
                    + " window.").above("0", "1000/h"));
    public static final Key STORAGE_CORRELATED_AFTERSHOCK_BURST_FRACTION = add(
            key("storage.correlated.aftershock.burstFraction", PROBABILITY, "Instead of extraHazard: the fraction"
                    + " of failures that come within window of another in the same unit of burstUnitDisks disks;"
                    + " the extra hazard is calibrated from it (docs/calibration.md). OLCF Alpine, within 10"
                    + " minutes: 1.96% in the same 106-disk enclosure (the per-array default: burstFraction 1.96%,"
                    + " burstUnitDisks 106), 3.9% in the same 424-disk storage unit, 0.21% in a band of 10 slots,"
                    + " 18.3% anywhere in the file system.").above("0", "0.99")
                    .exclusiveWith(STORAGE_CORRELATED_AFTERSHOCK_EXTRA_HAZARD));
    public static final Key STORAGE_CORRELATED_AFTERSHOCK_BURST_UNIT_DISKS = add(
            key("storage.correlated.aftershock.burstUnitDisks", INT, "Disks of the unit burstFraction was counted"
                    + " in (an enclosure, a storage unit); the follow-on hazard is spread evenly over them and an"
                    + " array's survivors each get that share. Absent: one array (storage.raid.width).")
                    .range("2", "1000000"));

    // ---- scripted faults (replays)
    public static final Key FAULTS = add(
            key("faults", SECTION_LIST, "Faults injected at set times, on top of (or, with randomFailures: false,"
                    + " instead of) random ones."));
    public static final Key FAULTS_AT = add(
            key("faults[].at", DURATION, "When the fault happens, from the start of the replication.").required()
                    .range("0", null));
    public static final Key FAULTS_KIND = add(
            key("faults[].kind", CHOICE, "What fails: disk-failure (disks disk .. disk+disks-1 of one array fail),"
                    + " array-loss (every disk of one array fails), group-outage (every disk of every array of the"
                    + " group offline for duration, back with its data), tier-outage (a service tier down for"
                    + " duration).").required()
                    .choices("disk-failure", "array-loss", "group-outage", "tier-outage"));
    public static final Key FAULTS_GROUP = add(
            key("faults[].group", INT, "Storage group hit (0-based), or all: the same fault in every group (a"
                    + " site-wide event).").defaultValue("0").range("0", null).orWords("all"));
    public static final Key FAULTS_ARRAY = add(
            key("faults[].array", INT, "Array within the group (0-based; disk-failure, array-loss).")
                    .defaultValue("0").range("0", null));
    public static final Key FAULTS_DISKS = add(
            key("faults[].disks", INT, "Disks failing at once (disk-failure).").defaultValue("1")
                    .range("1", "64"));
    public static final Key FAULTS_DISK = add(
            key("faults[].disk", INT, "Position of the first disk failing (disk-failure): disks disk .."
                    + " disk+disks-1 fail, so successive faults can hit different disks.").defaultValue("0")
                    .range("0", "63"));
    public static final Key FAULTS_DURATION = add(
            key("faults[].duration", DURATION, "How long an outage lasts (group-outage, tier-outage).")
                    .above("0", "10y"));
    public static final Key FAULTS_TIER = add(
            key("faults[].tier", CHOICE, "Tier hit by a tier-outage: webmail (users cannot read or send mail),"
                    + " database (accounts: every user is cut off, mail waits) or mta (users read mail but none"
                    + " comes in or goes out: inbound waits in the senders' queues, bouncing after"
                    + " tiers.mta.queueLifetime, and every send fails). For one group's storage, use a"
                    + " group-outage.").choices("webmail", "database", "mta"));

    // ---- reported timeline (replays of real outages)
    public static final Key REPORTED = add(
            key("reported", SECTION_LIST, "A reported timeline set beside the simulated one in reports: one item"
                    + " per milestone of the real outage."));
    public static final Key REPORTED_MILESTONE = add(
            key("reported[].milestone", STRING, "What was reported, e.g. 'send/receive back (20 Aug)'.")
                    .required());
    public static final Key REPORTED_HOURS = add(
            key("reported[].hours", DURATION, "When, counted from the start of the (first) incident: the"
                    + " failure that cut users off.").required().range("0", null));
    public static final Key REPORTED_SIMULATED_BY = add(
            key("reported[].simulatedBy", CHOICE, "What marks the milestone in the simulation: the time to"
                    + " restore service or to full recovery (of the last incident of the replication), or the end"
                    + " of an incident phase; absent: shown as reported only.")
                    .choices("hoursToRestoreService", "hoursToFullRecovery", "provisioning replacement storage",
                            "restore from backup", "vendor recovery", "merge recovered mail", "outage"));
    public static final Key REPORTED_SOURCE = add(
            key("reported[].source", STRING, "Where it was reported (a URL or a citation)."));

    // ---- users and mail
    public static final Key USERS_COUNT = add(
            key("users.count", INT, "Users, sharded evenly over the storage groups; 0 models storage without users"
                    + " (no mail metrics).").defaultValue("0").range("0", "100000000000"));
    public static final Key USERS_MAILBOX_MESSAGES = add(
            key("users.mailbox.messages", DISTRIBUTION, "Messages (files) in one mailbox across users; lognormal"
                    + " only (median 300, sigma 1.2: mean about 620, hundreds to thousands of files).")
                    .choices("lognormal").defaultValue("{distribution: lognormal, median: 300, sigma: 1.2}"));
    public static final Key USERS_MAILBOX_MESSAGE_SIZE = add(
            key("users.mailbox.messageSize", DISTRIBUTION, "Bytes of one message; lognormal only (median 8kB, sigma"
                    + " 1.8: mean about 40kB, a few messages carry megabytes of attachments).").of(Quantity.SIZE)
                    .choices("lognormal").defaultValue("{distribution: lognormal, median: 8kB, sigma: 1.8}"));
    public static final Key TRAFFIC_RECEIVED = add(
            key("traffic.received", RATE, "Mails received per user (average over the week).").defaultValue("20/d")
                    .range("0", "100000/h"));
    public static final Key TRAFFIC_SENT = add(
            key("traffic.sent", RATE, "Mails sent per user.").defaultValue("3/d").range("0", "100000/h"));
    public static final Key TRAFFIC_DELETED = add(
            key("traffic.deleted", RATE, "Mails deleted per user (mailboxes grow by received - deleted).")
                    .defaultValue("19.5/d").range("0", "100000/h"));
    public static final Key TRAFFIC_HOURLY_PROFILE = add(
            key("traffic.hourlyProfile", NUMBER_LIST, "Relative traffic in each hour of the day, 0-23; with"
                    + " neither profile given, the 168-hour shape measured from SNAP email-Eu-core-temporal is used;"
                    + " with only one given, the other is flat.").length(24).range("0", null));
    public static final Key TRAFFIC_WEEKLY_PROFILE = add(
            key("traffic.weeklyProfile", NUMBER_LIST, "Relative traffic on each day, first day of the cycle first"
                    + " (see hourlyProfile).").length(7).range("0", null));
    public static final Key TRAFFIC_GROWTH = add(
            key("traffic.growth", FRACTION, "Yearly growth of the per-user volume (0.1 or 10% = +10% a year).")
                    .defaultValue("10%").above("-1", "100"));

    // ---- service tiers
    public static final Key TIERS_MTA_QUEUE_LIFETIME = add(
            key("tiers.mta.queueLifetime", DURATION, "How long the senders' MTAs keep deferred mail before bouncing"
                    + " it (Postfix and Sendmail default: 5d).").defaultValue("5d").above("0", "1y"));
    public static final Key TIERS_MTA_SERVERS = add(
            key("tiers.mta.servers", INT, "Active MTA (send/receive) servers. Any one carries the mail (senders"
                    + " try every MX host, webmail submits to any), so mail stops only while all are out.")
                    .defaultValue("2").range("1", "100000"));
    public static final Key TIERS_MTA_LIFETIME = add(
            key("tiers.mta.lifetime", DISTRIBUTION, "Time between failures of one MTA server; absent, MTA servers"
                    + " do not fail at random (stateless, replaced within minutes) and only a tier-outage stops"
                    + " mail.").of(H));
    public static final Key TIERS_MTA_FAILOVER = add(
            key("tiers.mta.failover", DISTRIBUTION, "Time to replace a failed MTA server (with lifetime).").of(H)
                    .defaultValue("{distribution: exponential, mean: 5m}"));
    public static final Key TIERS_WEBMAIL_SERVERS = add(
            key("tiers.webmail.servers", INT, "Active webmail servers, each serving an equal share of users.")
                    .defaultValue("10").range("1", "100000"));
    public static final Key TIERS_WEBMAIL_LIFETIME = add(
            key("tiers.webmail.lifetime", DISTRIBUTION, "Time between failures of one webmail server.").of(H)
                    .defaultValue("{distribution: exponential, mean: 4380h}"));
    public static final Key TIERS_WEBMAIL_FAILOVER = add(
            key("tiers.webmail.failover", DISTRIBUTION, "Time to fail a webmail server's users over.").of(H)
                    .defaultValue("{distribution: exponential, mean: 5m}"));
    public static final Key TIERS_DATABASE_SERVERS = add(
            key("tiers.database.servers", INT, "Database servers that must all be up (1: a primary whose failure"
                    + " cuts off everyone until a replica is promoted; more primaries mean more outages, not fewer)."
                    + " Replicas are in the failover time, not here.").defaultValue("1").range("1", "100000"));
    public static final Key TIERS_DATABASE_LIFETIME = add(
            key("tiers.database.lifetime", DISTRIBUTION, "Time between failures of one database server.").of(H)
                    .defaultValue("{distribution: exponential, mean: 1y}"));
    public static final Key TIERS_DATABASE_FAILOVER = add(
            key("tiers.database.failover", DISTRIBUTION, "Time to promote a replica.").of(H)
                    .defaultValue("{distribution: lognormal, median: 20m, sigma: 0.9}"));

    // ---- operations (the runbook). The defaults are a present-day team; each is an assumption stated so it can be
    // challenged: monitoring alarms within 15 minutes; the on-call engineer at work 30 minutes later; spare storage
    // servers racked, provisioned in 4-8 hours; restores at 1,000 files/s and 200 MB/s (a modern array writing small
    // files: a file create costs several random I/Os); off-site copies recalled in a day; a recovery vendor needing
    // 3-7 days plus imaging at 100 MB/s, recovering 95% at US$1,000 per TB (quotes for RAID recovery commonly run
    // from hundreds to a few thousand dollars per TB); merges at 500 files/s; 2 engineers while users are down, 1
    // while old mail is recovered. operations.preset names a file of other values (presets/operations/NAME.yaml
    // beside this class) that stand in for these defaults.
    public static final Key OPERATIONS_PRESET = add(
            key("operations.preset", CHOICE, "Runbook whose values stand in for the defaults of the keys it sets"
                    + " (see Presets below): default (a present-day team: the defaults as listed) or dreamwiz-2008"
                    + " (a 2008 portal's team, for the replay).").defaultValue("default")
                    .choices("default", "dreamwiz-2008"));
    public static final Key OPERATIONS_DETECTION = add(
            key("operations.detection", DISTRIBUTION, "Time until a failure raises an alarm.").of(H)
                    .defaultValue("15m"));
    public static final Key OPERATIONS_RESPONSE = add(
            key("operations.response", DISTRIBUTION, "Alarm to an engineer at work.").of(H).defaultValue("30m"));
    public static final Key OPERATIONS_PROVISIONING = add(
            key("operations.provisioning", DISTRIBUTION, "Time to bring replacement storage into service for a"
                    + " group whose storage was lost and redirect its new mail there.").of(H)
                    .defaultValue("{distribution: uniform, low: 4h, high: 8h}"));
    public static final Key OPERATIONS_ENGINEER_HOURS_PER_DISK = add(
            key("operations.engineerHoursPerDisk", NUMBER, "Hands-on engineer hours per failed disk, for costs.")
                    .defaultValue("1").range("0", "1000"));
    public static final Key OPERATIONS_RESTORE_FILE_RATE = add(
            key("operations.restore.fileRate", FILE_RATE, "Files per second a restore from backup writes.")
                    .defaultValue("1000 files/s").above("0", null));
    public static final Key OPERATIONS_RESTORE_BANDWIDTH = add(
            key("operations.restore.bandwidth", BANDWIDTH, "Bytes per second a restore writes.")
                    .defaultValue("200MB/s").above("0", null));
    public static final Key OPERATIONS_RESTORE_OFFSITE_RECALL = add(
            key("operations.restore.offsiteRecall", DISTRIBUTION, "Time to recall copies held only off site.").of(H)
                    .defaultValue("1d"));
    public static final Key OPERATIONS_VENDOR_USE = add(
            key("operations.vendor.use", BOOLEAN, "Send a lost array's disks to a data-recovery vendor.")
                    .defaultValue("true"));
    public static final Key OPERATIONS_VENDOR_TIME = add(
            key("operations.vendor.time", DISTRIBUTION, "Vendor's turnaround.").of(H)
                    .defaultValue("{distribution: uniform, low: 3d, high: 7d}"));
    public static final Key OPERATIONS_VENDOR_BANDWIDTH = add(
            key("operations.vendor.bandwidth", BANDWIDTH, "Vendor's imaging speed, added to the turnaround.")
                    .defaultValue("100MB/s").above("0", null).orWords("unlimited"));
    public static final Key OPERATIONS_VENDOR_RECOVERABLE = add(
            key("operations.vendor.recoverable", PROBABILITY, "Fraction of the data the vendor recovers.")
                    .defaultValue("0.95").range("0", "1"));
    public static final Key OPERATIONS_VENDOR_PRICE_PER_TB = add(
            key("operations.vendor.pricePerTB", NUMBER, "Vendor's price per decimal TB recovered, in"
                    + " costs.currency.").defaultValue("1000").range("0", null));
    public static final Key OPERATIONS_VENDOR_FOR_BACKUP_GAP = add(
            key("operations.vendor.forBackupGap", BOOLEAN, "With a usable backup, also send the disks to recover"
                    + " the mail received since it.").defaultValue("false"));
    public static final Key OPERATIONS_VENDOR_LOSS_RUN = add(
            key("operations.vendor.lossRun", SIZE, "Mean length of the runs of adjacent data the vendor cannot read"
                    + " (bad sectors come in runs, and a mailbox's files lie together), which decides how many users"
                    + " the unrecovered mail touches; absent: every unrecovered file lost on its own, an upper bound"
                    + " on the users with loss.").above("0", "1PB"));
    public static final Key OPERATIONS_MERGE_FILE_RATE = add(
            key("operations.merge.fileRate", FILE_RATE, "Files per second merged from recovered data into live"
                    + " storage.").defaultValue("500 files/s").above("0", null));
    public static final Key OPERATIONS_STAFFING_WHILE_DOWN = add(
            key("operations.staffing.whileDown", NUMBER, "Engineers busy from the alarm until service is back.")
                    .defaultValue("2").range("0", "10000"));
    public static final Key OPERATIONS_STAFFING_WHILE_RECOVERING = add(
            key("operations.staffing.whileRecovering", NUMBER, "Engineers busy while old mail is recovered.")
                    .defaultValue("1").range("0", "10000"));
    public static final Key OPERATIONS_SELF_BACKUP_FRACTION = add(
            key("operations.selfBackup.fraction", PROBABILITY, "Users who export their own mail.").defaultValue("0")
                    .range("0", "1"));
    public static final Key OPERATIONS_SELF_BACKUP_INTERVAL = add(
            key("operations.selfBackup.interval", DURATION, "How often those users export.").defaultValue("30d")
                    .above("0", "10y"));

    // ---- backups
    public static final Key BACKUPS_POLICY = add(
            key("backups.policy", CHOICE, "Backup scheme: none, full copies, incrementals between fulls, or"
                    + " snapshots (kept on the storage itself; they help only when replicated off site).")
                    .defaultValue("none").choices("none", "full", "incremental", "snapshot"));
    public static final Key BACKUPS_INTERVAL = add(
            key("backups.interval", DURATION, "Time between backups (between incrementals for incremental, between"
                    + " snapshots for snapshot).").defaultValue("1d").above("0", "10y"));
    public static final Key BACKUPS_FULL_INTERVAL = add(
            key("backups.fullInterval", DURATION, "Time between full backups under incremental; a whole multiple"
                    + " of interval.").defaultValue("1w").above("0", "10y"));
    public static final Key BACKUPS_START_OFFSET = add(
            key("backups.startOffset", DURATION, "When the first backup slot starts (2h: 02:00 on the first day);"
                    + " slots follow every interval.").defaultValue("2h").range("0", "10y"));
    public static final Key BACKUPS_FILE_RATE = add(
            key("backups.fileRate", FILE_RATE, "Files per second a backup copies.").defaultValue("1000 files/s")
                    .above("0", null));
    public static final Key BACKUPS_BANDWIDTH = add(
            key("backups.bandwidth", BANDWIDTH, "Bytes per second a backup copies (snapshot replication too).")
                    .defaultValue("200MB/s").above("0", null));
    public static final Key BACKUPS_SCAN_FILE_RATE = add(
            key("backups.scanFileRate", FILE_RATE, "Files per second an incremental backup walks to find what"
                    + " changed.").defaultValue("10000 files/s").above("0", null));
    public static final Key BACKUPS_OFFSITE = add(
            key("backups.offsite", BOOLEAN, "Also keep each copy off site (survives a site-wide event); snapshots"
                    + " help only with it.").defaultValue("false"));
    public static final Key BACKUPS_OFFSITE_DELAY = add(
            key("backups.offsiteDelay", DURATION, "Time after a backup completes until its off-site copy exists"
                    + " (courier or replication lag).").defaultValue("0").range("0", "1y"));
    public static final Key BACKUPS_RETAINED_COPIES = add(
            key("backups.retainedCopies", INT, "Full copies kept, for backup capacity and cost; absent: 2 (1 for"
                    + " snapshot).").range("1", "1000"));

    // ---- costs. The defaults are present-day prices for planners, US dollars: a 16 TB disk at about $0.014/GB =
    // $224 (Backblaze, "Hard Drive Cost Per Gigabyte", 2022); a storage server $8,000 and backup capacity $25/TB
    // (object storage or tape; assumptions); 5-year depreciation; power 8 W x 8,760 h x PUE 1.4 x $0.15/kWh = $14.7
    // per disk-year; restock $20; backup operation $20 per TB-year; engineer $100/h loaded; compensation $0.01 per
    // user-hour and $5 per user with loss (assumptions). costs.preset names a file of other prices
    // (presets/costs/NAME.yaml beside this class).
    public static final Key COSTS_PRESET = add(
            key("costs.preset", CHOICE, "Price list whose values stand in for the defaults of the keys it sets"
                    + " (see Presets below): today (present-day prices: the defaults as listed) or 2008 (for"
                    + " replays).").defaultValue("today").choices("today", "2008"));
    public static final Key COSTS_CURRENCY = add(
            key("costs.currency", STRING, "Currency of every price.").defaultValue("USD"));
    public static final Key COSTS_DISK = add(
            key("costs.disk", NUMBER, "Price of one disk, data, parity or spare.").defaultValue("224")
                    .range("0", null));
    public static final Key COSTS_SERVER = add(
            key("costs.server", NUMBER, "Price of one storage server, one per storage group.").defaultValue("8000")
                    .range("0", null));
    public static final Key COSTS_BACKUP_STORAGE_PER_TB = add(
            key("costs.backupStoragePerTB", NUMBER, "Backup capacity per decimal TB.").defaultValue("25")
                    .range("0", null));
    public static final Key COSTS_HARDWARE_LIFE = add(
            key("costs.hardwareLife", DURATION, "Straight-line depreciation period of disks, servers and backup"
                    + " capacity.").defaultValue("5y").above("0", "100y"));
    public static final Key COSTS_POWER_PER_DISK_YEAR = add(
            key("costs.powerPerDiskYear", NUMBER, "Power and cooling of one disk for a year.").defaultValue("14.7")
                    .range("0", null));
    public static final Key COSTS_RESTOCK_PER_DISK = add(
            key("costs.restockPerDisk", NUMBER, "Ordering and shipping a replacement disk, on top of its price.")
                    .defaultValue("20").range("0", null));
    public static final Key COSTS_BACKUP_OPERATION_PER_TB_YEAR = add(
            key("costs.backupOperationPerTBYear", NUMBER, "Running backups per TB protected per year.")
                    .defaultValue("20").range("0", null));
    public static final Key COSTS_ENGINEER_HOUR = add(
            key("costs.engineerHour", NUMBER, "Loaded cost of one engineer hour.").defaultValue("100")
                    .range("0", null));
    public static final Key COSTS_COMPENSATION_PER_USER_HOUR = add(
            key("costs.compensationPerUserHour", NUMBER, "Credit per user-hour without mailbox access.")
                    .defaultValue("0.01").range("0", null));
    public static final Key COSTS_COMPENSATION_PER_USER_WITH_LOSS = add(
            key("costs.compensationPerUserWithLoss", NUMBER, "Credit per user who lost mail for good.")
                    .defaultValue("5").range("0", null));

    // ---- sweeps
    public static final Key SWEEP = add(
            key("sweep", ValueType.SWEEP, "Keys to vary (key path -> list of values); every combination is run."));
    public static final Key SWEEP_TARGET = add(
            key("sweepTarget", STRING, "What the cheapest swept configuration must meet, e.g. 'userHoursUnavailable"
                    + " <= 5000 and probabilityOfDataLoss <= 0.01' (metric[.statistic] <=|<|>=|> number, joined with"
                    + " and); mailsim sweep --target overrides it."));

    /** The scenario schema: every key above, in order. */
    public static final Schema SCENARIO = new Schema(TABLE);

    private static Key add(Key key) {
        TABLE.add(key);
        return key;
    }

    private static Key key(String path, ValueType type, String description) {
        return Key.of(path, type, description);
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

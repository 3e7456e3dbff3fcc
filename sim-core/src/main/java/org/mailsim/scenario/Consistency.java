package org.mailsim.scenario;

import static org.mailsim.scenario.Schema.*;

import java.util.List;
import java.util.Map;
import org.mailsim.Hours;

/** Checks between keys that are each valid alone: RAID width per level, exclusive keys, scripted faults. */
final class Consistency {
    private final Section s;
    private final Map<String, Value> values;
    private final List<Problem> problems;
    private final Location root;

    private Consistency(Map<String, Value> values, List<Problem> problems, Location root) {
        this.s = new Section(values, "");
        this.values = values;
        this.problems = problems;
        this.root = root;
    }

    static void check(Map<String, Value> values, List<Problem> problems, Location root) {
        new Consistency(values, problems, root).run();
    }

    private void problem(String path, String message) {
        problems.add(Problem.at(near(values, path, root), path, message));
    }

    private void problem(Key key, String message) {
        problem(key.path(), message);
    }

    /**
     * Where to point a problem about {@code path}: where it was written; for a default inside a list item, the
     * first key written in that item; otherwise {@code fallback}.
     */
    static Location near(Map<String, Value> values, String path, Location fallback) {
        Value v = values.get(path);
        if (v != null && !v.isDefault()) {
            return v.where();
        }
        int item = path.lastIndexOf("].");
        if (item >= 0) {
            String prefix = path.substring(0, item + 2);
            Location best = null;
            for (Map.Entry<String, Value> e : values.entrySet()) {
                Location w = e.getValue().where();
                if (e.getKey().startsWith(prefix) && !e.getValue().isDefault() && w.line() > 0 && (best == null
                        || w.line() < best.line() || w.line() == best.line() && w.column() < best.column())) {
                    best = w;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return fallback;
    }

    /** Longest run over which compounding traffic growth is accepted: (1 + g)^years must stay meaningful. */
    static final double MAX_GROWTH_YEARS = 100;

    /**
     * Traffic growth compounds for the whole run. Over centuries (a long horizon, or first-data-loss capped by the
     * default maxHorizon) it would make the mail volume astronomically large, so a run with users and growth must
     * stay within {@link #MAX_GROWTH_YEARS}.
     */
    private void growth() {
        if (!s.has(USERS_COUNT) || s.integer(USERS_COUNT) == 0 || !s.has(TRAFFIC_GROWTH)
                || s.number(TRAFFIC_GROWTH) == 0) {
            return;
        }
        boolean toFirstLoss = s.is(HORIZON, "first-data-loss");
        Key key = toFirstLoss ? MAX_HORIZON : HORIZON;
        if (!s.has(key)) {
            return; // refused where it was written
        }
        double hours = s.duration(key);
        if (hours > MAX_GROWTH_YEARS * Hours.PER_YEAR) {
            problem(key, (toFirstLoss ? "horizon is first-data-loss, so each replication may run up to maxHorizon ("
                    : "the horizon (") + Units.plain(hours / Hours.PER_YEAR) + "y), over which traffic.growth would compound for more"
                    + " than " + (int) MAX_GROWTH_YEARS + " years; accepted: " + key.path() + " of at most "
                    + (int) MAX_GROWTH_YEARS + "y, or traffic.growth: 0");
        }
    }

    /**
     * Written with a value other than the schema default. Checks of the form "this key does not apply here" use
     * it, so that the scenario as run ({@link Scenario#toYaml()}, which writes every default) reads back.
     */
    private boolean changed(Key key) {
        return changed(key.path());
    }

    /** {@link #changed(Key)} for a key of a list item. */
    private static boolean changed(Section item, Key key) {
        return changed(item.values, item.path(key));
    }

    private boolean changed(String path) {
        return changed(values, path);
    }

    private static boolean changed(Map<String, Value> values, String path) {
        Value v = values.get(path);
        if (v == null || v.isDefault()) {
            return false;
        }
        return v.key().defaultText() == null || !Validator.defaultValue(v.key()).equals(v.value());
    }

    private void run() {
        raid();
        growth();
        for (Key k : Schema.SCENARIO.keys()) {
            String other = k.exclusiveWith();
            if (other != null && !k.path().contains("[]") && s.isSet(k.path()) && s.isSet(other)) {
                problem(other, other + " and " + k.path() + " (at " + s.where(k.path()) + ") are both given;"
                        + " accepted: one of them (set the other to null to drop an inherited value)");
            }
        }
        scrub();
        for (Key key : new Key[] {TIERS_MTA_FAILOVER, TIERS_MTA_SERVERS}) {
            // Both matter only to random MTA failures; given alone they would silently change nothing.
            if (changed(key) && !s.has(TIERS_MTA_LIFETIME)) {
                problem(key, key.path() + " without tiers.mta.lifetime (MTA servers fail at random only when it is"
                        + " given); accepted: give tiers.mta.lifetime too, or remove " + key.path());
            }
        }
        if (s.has(BACKUPS_POLICY) && s.string(BACKUPS_POLICY).equals("incremental")
                && s.has(BACKUPS_FULL_INTERVAL) && s.has(BACKUPS_INTERVAL)) {
            double ratio = s.duration(BACKUPS_FULL_INTERVAL) / s.duration(BACKUPS_INTERVAL);
            if (!(ratio >= 2) || Math.abs(ratio - Math.rint(ratio)) > 1e-9) {
                problem(s.isSet(BACKUPS_FULL_INTERVAL) ? BACKUPS_FULL_INTERVAL : BACKUPS_INTERVAL,
                        "under incremental backups the full interval must be a whole multiple (2 or more) of the"
                                + " incremental interval, got " + Units.plain(s.duration(BACKUPS_FULL_INTERVAL))
                                + "h and " + Units.plain(s.duration(BACKUPS_INTERVAL)) + "h; accepted: e.g."
                                + " interval: 1d, fullInterval: 1w");
            }
        }
        rebuild();
        spares();
        correlated();
        traffic();
        faults();
    }

    private void raid() {
        if (!s.has(STORAGE_RAID_LEVEL) || !s.has(STORAGE_RAID_WIDTH)) {
            return;
        }
        String level = s.string(STORAGE_RAID_LEVEL);
        long width = s.integer(STORAGE_RAID_WIDTH);
        Key w = STORAGE_RAID_WIDTH;
        switch (level) {
            case "raid0" -> { }
            case "raid1" -> require(width == 2, w, "raid1 has exactly 2 disks; accepted: 2 (use mirror for more"
                    + " copies)");
            case "mirror" -> require(width >= 2, w, "a mirror needs at least 2 copies; accepted: width >= 2");
            case "raid5" -> require(width >= 3, w, "raid5 needs at least 3 disks, got " + width
                    + "; accepted: width >= 3");
            case "raid6" -> require(width >= 4, w, "raid6 needs at least 4 disks, got " + width
                    + "; accepted: width >= 4");
            case "raid10" -> require(width >= 4 && width % 2 == 0, w, "raid10 needs an even number of disks, at"
                    + " least 4, got " + width + "; accepted: 4, 6, 8, ...");
            case "raid50", "raid60" -> {
                int min = level.equals("raid50") ? 3 : 4;
                long spans = s.has(STORAGE_RAID_SPANS) ? s.integer(STORAGE_RAID_SPANS) : 2;
                require(width % spans == 0 && width / spans >= min, w, level + " with " + spans + " spans needs"
                        + " width = spans x (" + min + " or more disks), got " + width + "; accepted: a multiple"
                        + " of " + spans + " of at least " + spans * min);
            }
            case "erasure" -> {
                boolean data = s.has(STORAGE_RAID_DATA);
                boolean parity = s.has(STORAGE_RAID_PARITY);
                if (!data || !parity) {
                    problem(STORAGE_RAID_LEVEL, "erasure needs storage.raid.data and storage.raid.parity;"
                            + " accepted: e.g. data: 10, parity: 4, width: 14");
                } else if (s.integer(STORAGE_RAID_DATA) + s.integer(STORAGE_RAID_PARITY) != width) {
                    problem(w, "erasure data + parity = " + (s.integer(STORAGE_RAID_DATA)
                            + s.integer(STORAGE_RAID_PARITY)) + " but width is " + width + "; accepted: width"
                            + " = data + parity");
                }
            }
            default -> throw new AssertionError(level);
        }
        if (s.isSet(STORAGE_RAID_SPANS) && !level.equals("raid50") && !level.equals("raid60")) {
            problem(STORAGE_RAID_SPANS, "spans apply only to raid50 and raid60, not " + level
                    + "; accepted: remove spans, or use raid50/raid60");
        }
        for (Key k : new Key[] {STORAGE_RAID_DATA, STORAGE_RAID_PARITY}) {
            if (s.isSet(k) && !level.equals("erasure")) {
                problem(k, k.name() + " applies only to erasure, not " + level
                        + "; accepted: remove it, or use level: erasure");
            }
        }
    }

    private void require(boolean ok, Key path, String message) {
        if (!ok) {
            problem(path, message);
        }
    }

    private void faults() {
        List<Section> faults = s.items(FAULTS);
        if (s.has(RANDOM_FAILURES) && !s.flag(RANDOM_FAILURES) && faults.isEmpty()) {
            problem(RANDOM_FAILURES, "randomFailures is false and there are no faults, so nothing would fail;"
                    + " accepted: add faults:, or set randomFailures: true");
        }
        double horizon = s.has(HORIZON) && !s.is(HORIZON, "first-data-loss") ? s.duration(HORIZON)
                : s.has(MAX_HORIZON) ? s.duration(MAX_HORIZON) : Double.POSITIVE_INFINITY;
        for (Section f : faults) {
            if (!f.has(FAULTS_KIND) || !f.has(FAULTS_AT)) {
                continue;
            }
            String kind = f.string(FAULTS_KIND);
            if (f.duration(FAULTS_AT) > horizon) {
                problem(f.path(FAULTS_AT), "the fault comes after the horizon (" + Units.plain(horizon)
                        + "h); accepted: at <= horizon");
            }
            boolean oneArray = kind.equals("disk-failure") || kind.equals("array-loss");
            // With storage.usableCapacity the groups are derived when the scenario is bound, which checks there.
            if (!kind.equals("tier-outage") && s.has(STORAGE_GROUPS) && !s.has(STORAGE_USABLE_CAPACITY)
                    && f.has(FAULTS_GROUP) && !f.is(FAULTS_GROUP, "all")
                    && f.integer(FAULTS_GROUP) >= s.integer(STORAGE_GROUPS)) {
                problem(f.path(FAULTS_GROUP), "group " + f.integer(FAULTS_GROUP) + " does not exist; accepted: 0 .. "
                        + (s.integer(STORAGE_GROUPS) - 1) + " (storage.groups is " + s.integer(STORAGE_GROUPS)
                        + ")");
            }
            if (oneArray && s.has(STORAGE_ARRAYS_PER_GROUP)
                    && f.integer(FAULTS_ARRAY) >= s.integer(STORAGE_ARRAYS_PER_GROUP)) {
                problem(f.path(FAULTS_ARRAY), "array " + f.integer(FAULTS_ARRAY) + " does not exist; accepted: 0 .. "
                        + (s.integer(STORAGE_ARRAYS_PER_GROUP) - 1));
            }
            if (kind.equals("disk-failure") && s.has(STORAGE_RAID_WIDTH)
                    && f.integer(FAULTS_DISK) + f.integer(FAULTS_DISKS) > s.integer(STORAGE_RAID_WIDTH)) {
                problem(f.path(FAULTS_DISKS), "disks " + f.integer(FAULTS_DISK) + " .. " + (f.integer(FAULTS_DISK)
                        + f.integer(FAULTS_DISKS) - 1) + " fail but an array has only "
                        + s.integer(STORAGE_RAID_WIDTH) + "; accepted: disk + disks <= storage.raid.width");
            }
            if (changed(f, FAULTS_DISK) && !kind.equals("disk-failure")) {
                notFor(f, FAULTS_DISK, kind, "disk-failure");
            }
            boolean tierOutage = kind.equals("tier-outage");
            if (tierOutage != f.has(FAULTS_TIER)) {
                problem(f.path(tierOutage ? FAULTS_KIND : FAULTS_TIER), tierOutage
                        ? "a tier-outage needs 'tier'; accepted: webmail, database, mta"
                        : "'tier' applies only to a tier-outage; accepted: remove it");
            }
            boolean outage = tierOutage || kind.equals("group-outage");
            if (outage && !f.has(FAULTS_DURATION)) {
                problem(f.path(FAULTS_KIND), "a " + kind + " needs 'duration'; accepted: e.g. duration: 20h");
            }
            if (!outage && f.has(FAULTS_DURATION)) {
                notFor(f, FAULTS_DURATION, kind, "group-outage and tier-outage");
            }
            if (changed(f, FAULTS_DISKS) && !kind.equals("disk-failure")) {
                notFor(f, FAULTS_DISKS, kind, "disk-failure (array-loss fails every disk)");
            }
            if (changed(f, FAULTS_ARRAY) && outage) {
                notFor(f, FAULTS_ARRAY, kind, "disk-failure and array-loss (a group-outage takes every array of"
                        + " the group)");
            }
            if (changed(f, FAULTS_GROUP) && tierOutage) {
                notFor(f, FAULTS_GROUP, kind, "storage faults (a tier-outage hits the whole tier)");
            }
            if (tierOutage && s.has(USERS_COUNT) && s.integer(USERS_COUNT) == 0) {
                problem(f.path(FAULTS_KIND), "a tier-outage affects users, but users.count is 0; accepted: set"
                        + " users.count, or remove the fault");
            }
        }
    }

    private void notFor(Section f, Key key, String kind, String appliesTo) {
        problem(f.path(key), "'" + key.name() + "' does not apply to a " + kind + "; it applies to "
                + appliesTo + "; accepted: remove it");
    }

    private void scrub() {
        boolean interval = s.has(STORAGE_DISK_LATENT_ERRORS_SCRUB_INTERVAL);
        boolean detection = s.isSet(STORAGE_DISK_LATENT_ERRORS_SCRUB_DETECTION_TIME);
        if (changed(STORAGE_DISK_LATENT_ERRORS_SCRUB_DISTRIBUTION) && !interval) {
            problem(STORAGE_DISK_LATENT_ERRORS_SCRUB_DISTRIBUTION, "a scrub distribution without "
                    + STORAGE_DISK_LATENT_ERRORS_SCRUB_INTERVAL.path()
                    + (detection ? " (it does not apply to detectionTime, which is a distribution itself)" : "")
                    + "; accepted: give the interval too" + (detection ? ", or remove distribution" : ""));
        }
        if ((interval || detection) && s.has(STORAGE_DISK_LATENT_ERRORS_RATE)
                && s.rate(STORAGE_DISK_LATENT_ERRORS_RATE) == 0) {
            problem(interval ? STORAGE_DISK_LATENT_ERRORS_SCRUB_INTERVAL
                    : STORAGE_DISK_LATENT_ERRORS_SCRUB_DETECTION_TIME, "scrubbing is set but"
                    + " storage.disk.latentErrors.rate is 0, so there is nothing to find; accepted: set the rate"
                    + " (e.g. 1.08e-4/h), or remove the scrub");
        }
    }

    private void rebuild() {
        boolean timed = s.isSet(STORAGE_REBUILD_TIME);
        for (Key k : new Key[] {STORAGE_REBUILD_READS, STORAGE_REBUILD_LOAD_FACTOR}) {
            if (timed && changed(k)) {
                problem(k, k.name() + " applies only to rate-based rebuilds, but"
                        + " storage.rebuild.time (at " + s.where(STORAGE_REBUILD_TIME) + ") draws the duration"
                        + "; accepted: remove it, or use storage.rebuild.rate");
            }
        }
        if (!timed && s.is(STORAGE_REBUILD_READS, "used-data") && s.has(USERS_COUNT)
                && s.integer(USERS_COUNT) == 0) {
            problem(STORAGE_REBUILD_READS, "used-data rebuilds read the users' mail, but users.count is 0;"
                    + " accepted: whole-disk, or set users.count");
        }
    }

    private void spares() {
        String kind = s.has(STORAGE_SPARES_KIND) ? s.string(STORAGE_SPARES_KIND) : "none";
        if (kind.equals("none")) {
            for (Key k : new Key[] {STORAGE_SPARES_SCOPE, STORAGE_SPARES_COUNT, STORAGE_SPARES_HANDLING_TIME,
                    STORAGE_SPARES_RESTOCK_TIME}) {
                if (changed(k)) {
                    problem(k, k.name() + " applies only to hot or cold spares, but"
                            + " storage.spares.kind is none; accepted: set kind: hot or kind: cold, or remove it");
                }
            }
        } else if (kind.equals("hot") && changed(STORAGE_SPARES_HANDLING_TIME)) {
            problem(STORAGE_SPARES_HANDLING_TIME, "handlingTime applies only to cold spares (a hot spare takes"
                    + " over at once); accepted: remove it, or set kind: cold");
        }
    }

    private void correlated() {
        double total = 0;
        for (Section lot : s.items(STORAGE_CORRELATED_LOTS)) {
            if (lot.has(STORAGE_CORRELATED_LOTS_FRACTION)) {
                total += lot.number(STORAGE_CORRELATED_LOTS_FRACTION);
            }
        }
        if (total > 1 + 1e-9) {
            problem(STORAGE_CORRELATED_LOTS, "lot fractions add up to " + Units.plain(Math.round(total * 1e9) / 1e9)
                    + "; accepted: a"
                    + " total of at most 1 (the remaining arrays are nominal)");
        }
        for (Section shock : s.items(STORAGE_CORRELATED_SHOCKS)) {
            if (!shock.has(STORAGE_CORRELATED_SHOCKS_EFFECT)) {
                continue;
            }
            boolean offline = shock.string(STORAGE_CORRELATED_SHOCKS_EFFECT).equals("offline");
            if (offline && !shock.has(STORAGE_CORRELATED_SHOCKS_OFFLINE_TIME)) {
                problem(shock.path(STORAGE_CORRELATED_SHOCKS_EFFECT), "an offline shock needs 'offlineTime';"
                        + " accepted: e.g. offlineTime: 4h");
            } else if (!offline && shock.has(STORAGE_CORRELATED_SHOCKS_OFFLINE_TIME)) {
                problem(shock.path(STORAGE_CORRELATED_SHOCKS_OFFLINE_TIME), "offlineTime applies only to effect:"
                        + " offline; accepted: remove it, or set effect: offline");
            }
            if (shock.has(STORAGE_CORRELATED_SHOCKS_DISKS) && !shock.is(STORAGE_CORRELATED_SHOCKS_DISKS, "all")
                    && s.has(STORAGE_RAID_WIDTH) && shock.integer(STORAGE_CORRELATED_SHOCKS_DISKS) > s.integer(STORAGE_RAID_WIDTH)) {
                problem(shock.path(STORAGE_CORRELATED_SHOCKS_DISKS), shock.integer(STORAGE_CORRELATED_SHOCKS_DISKS)
                        + " disks per array but an array has only " + s.integer(STORAGE_RAID_WIDTH)
                        + "; accepted: disks <= storage.raid.width");
            }
        }
        if (changed(STORAGE_CORRELATED_AFTERSHOCK_WINDOW) && !s.has(STORAGE_CORRELATED_AFTERSHOCK_EXTRA_HAZARD)
                && !s.has(STORAGE_CORRELATED_AFTERSHOCK_BURST_FRACTION)) {
            problem(STORAGE_CORRELATED_AFTERSHOCK_WINDOW, "an aftershock window without extraHazard or"
                    + " burstFraction; accepted: add one of them, e.g. burstFraction: 1.96% with burstUnitDisks: 106");
        }
        if (s.has(STORAGE_CORRELATED_AFTERSHOCK_BURST_UNIT_DISKS)
                && !s.has(STORAGE_CORRELATED_AFTERSHOCK_BURST_FRACTION)) {
            problem(STORAGE_CORRELATED_AFTERSHOCK_BURST_UNIT_DISKS, "burstUnitDisks without burstFraction; accepted:"
                    + " add the burstFraction counted in that unit, e.g. burstFraction: 1.96%");
        }
        if (s.has(STORAGE_CORRELATED_AFTERSHOCK_BURST_FRACTION) && s.has(STORAGE_RAID_WIDTH)
                && !s.has(STORAGE_CORRELATED_AFTERSHOCK_BURST_UNIT_DISKS) && s.integer(STORAGE_RAID_WIDTH) < 2) {
            problem(STORAGE_CORRELATED_AFTERSHOCK_BURST_FRACTION, "an aftershock needs another disk in the array;"
                    + " accepted: width >= 2");
        }
    }

    private void traffic() {
        for (Key k : new Key[] {TRAFFIC_HOURLY_PROFILE, TRAFFIC_WEEKLY_PROFILE}) {
            if (s.has(k) && s.numbers(k).stream().mapToDouble(Double::doubleValue).sum() <= 0) {
                problem(k, "every entry is 0, so no mail would ever flow; accepted: at least one positive entry");
            }
        }
    }
}

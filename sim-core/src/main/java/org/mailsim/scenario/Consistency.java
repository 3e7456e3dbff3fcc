package org.mailsim.scenario;

import java.util.List;
import java.util.Map;

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
        if (!s.has("users.count") || s.integer("users.count") == 0 || !s.has("traffic.growth")
                || s.number("traffic.growth") == 0) {
            return;
        }
        boolean toFirstLoss = s.is("horizon", "first-data-loss");
        String key = toFirstLoss ? "maxHorizon" : "horizon";
        if (!s.has(key)) {
            return; // refused where it was written
        }
        double hours = s.duration(key);
        if (hours > MAX_GROWTH_YEARS * 8760) {
            problem(key, (toFirstLoss ? "horizon is first-data-loss, so each replication may run up to maxHorizon ("
                    : "the horizon (") + Units.plain(hours / 8760) + "y), over which traffic.growth would compound for more"
                    + " than " + (int) MAX_GROWTH_YEARS + " years; accepted: " + key + " of at most "
                    + (int) MAX_GROWTH_YEARS + "y, or traffic.growth: 0");
        }
    }

    /**
     * Written with a value other than the schema default. Checks of the form "this key does not apply here" use
     * it, so that the scenario as run ({@link Scenario#toYaml()}, which writes every default) reads back.
     */
    private boolean changed(String path) {
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
        for (String key : new String[] {"tiers.mta.failover", "tiers.mta.servers"}) {
            // Both matter only to random MTA failures; given alone they would silently change nothing.
            if (changed(key) && !s.has("tiers.mta.lifetime")) {
                problem(key, key + " without tiers.mta.lifetime (MTA servers fail at random only when it is"
                        + " given); accepted: give tiers.mta.lifetime too, or remove " + key);
            }
        }
        if (s.has("backups.policy") && s.string("backups.policy").equals("incremental")
                && s.has("backups.fullInterval") && s.has("backups.interval")) {
            double ratio = s.duration("backups.fullInterval") / s.duration("backups.interval");
            if (!(ratio >= 2) || Math.abs(ratio - Math.rint(ratio)) > 1e-9) {
                problem(s.isSet("backups.fullInterval") ? "backups.fullInterval" : "backups.interval",
                        "under incremental backups the full interval must be a whole multiple (2 or more) of the"
                                + " incremental interval, got " + Units.plain(s.duration("backups.fullInterval"))
                                + "h and " + Units.plain(s.duration("backups.interval")) + "h; accepted: e.g."
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
        if (!s.has("storage.raid.level") || !s.has("storage.raid.width")) {
            return;
        }
        String level = s.string("storage.raid.level");
        long width = s.integer("storage.raid.width");
        String w = "storage.raid.width";
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
                long spans = s.has("storage.raid.spans") ? s.integer("storage.raid.spans") : 2;
                require(width % spans == 0 && width / spans >= min, w, level + " with " + spans + " spans needs"
                        + " width = spans x (" + min + " or more disks), got " + width + "; accepted: a multiple"
                        + " of " + spans + " of at least " + spans * min);
            }
            case "erasure" -> {
                boolean data = s.has("storage.raid.data");
                boolean parity = s.has("storage.raid.parity");
                if (!data || !parity) {
                    problem("storage.raid.level", "erasure needs storage.raid.data and storage.raid.parity;"
                            + " accepted: e.g. data: 10, parity: 4, width: 14");
                } else if (s.integer("storage.raid.data") + s.integer("storage.raid.parity") != width) {
                    problem(w, "erasure data + parity = " + (s.integer("storage.raid.data")
                            + s.integer("storage.raid.parity")) + " but width is " + width + "; accepted: width"
                            + " = data + parity");
                }
            }
            default -> throw new AssertionError(level);
        }
        if (s.isSet("storage.raid.spans") && !level.equals("raid50") && !level.equals("raid60")) {
            problem("storage.raid.spans", "spans apply only to raid50 and raid60, not " + level
                    + "; accepted: remove spans, or use raid50/raid60");
        }
        for (String k : new String[] {"storage.raid.data", "storage.raid.parity"}) {
            if (s.isSet(k) && !level.equals("erasure")) {
                problem(k, k.substring(k.lastIndexOf('.') + 1) + " applies only to erasure, not " + level
                        + "; accepted: remove it, or use level: erasure");
            }
        }
    }

    private void require(boolean ok, String path, String message) {
        if (!ok) {
            problem(path, message);
        }
    }

    private void faults() {
        List<Section> faults = s.items("faults");
        if (s.has("randomFailures") && !s.flag("randomFailures") && faults.isEmpty()) {
            problem("randomFailures", "randomFailures is false and there are no faults, so nothing would fail;"
                    + " accepted: add faults:, or set randomFailures: true");
        }
        double horizon = s.has("horizon") && !s.is("horizon", "first-data-loss") ? s.duration("horizon")
                : s.has("maxHorizon") ? s.duration("maxHorizon") : Double.POSITIVE_INFINITY;
        for (Section f : faults) {
            if (!f.has("kind") || !f.has("at")) {
                continue;
            }
            String p = f.prefix();
            String kind = f.string("kind");
            if (f.duration("at") > horizon) {
                problem(p + ".at", "the fault comes after the horizon (" + Units.plain(horizon)
                        + "h); accepted: at <= horizon");
            }
            boolean oneArray = kind.equals("disk-failure") || kind.equals("array-loss");
            if (!kind.equals("tier-outage") && s.has("storage.groups") && f.has("group")
                    && !f.is("group", "all") && f.integer("group") >= s.integer("storage.groups")) {
                problem(p + ".group", "group " + f.integer("group") + " does not exist; accepted: 0 .. "
                        + (s.integer("storage.groups") - 1) + " (storage.groups is " + s.integer("storage.groups")
                        + ")");
            }
            if (oneArray && s.has("storage.arraysPerGroup")
                    && f.integer("array") >= s.integer("storage.arraysPerGroup")) {
                problem(p + ".array", "array " + f.integer("array") + " does not exist; accepted: 0 .. "
                        + (s.integer("storage.arraysPerGroup") - 1));
            }
            if (kind.equals("disk-failure") && s.has("storage.raid.width")
                    && f.integer("disk") + f.integer("disks") > s.integer("storage.raid.width")) {
                problem(p + ".disks", "disks " + f.integer("disk") + " .. " + (f.integer("disk")
                        + f.integer("disks") - 1) + " fail but an array has only " + s.integer("storage.raid.width")
                        + "; accepted: disk + disks <= storage.raid.width");
            }
            if (changed(p + ".disk") && !kind.equals("disk-failure")) {
                notFor(f, "disk", kind, "disk-failure");
            }
            boolean tierOutage = kind.equals("tier-outage");
            if (tierOutage != f.has("tier")) {
                problem(p + (tierOutage ? ".kind" : ".tier"), tierOutage ? "a tier-outage needs 'tier'; accepted:"
                        + " webmail, database, mta" : "'tier' applies only to a tier-outage; accepted: remove it");
            }
            boolean outage = tierOutage || kind.equals("group-outage");
            if (outage && !f.has("duration")) {
                problem(p + ".kind", "a " + kind + " needs 'duration'; accepted: e.g. duration: 20h");
            }
            if (!outage && f.has("duration")) {
                notFor(f, "duration", kind, "group-outage and tier-outage");
            }
            if (changed(p + ".disks") && !kind.equals("disk-failure")) {
                notFor(f, "disks", kind, "disk-failure (array-loss fails every disk)");
            }
            if (changed(p + ".array") && outage) {
                notFor(f, "array", kind, "disk-failure and array-loss (a group-outage takes every array of"
                        + " the group)");
            }
            if (changed(p + ".group") && tierOutage) {
                notFor(f, "group", kind, "storage faults (a tier-outage hits the whole tier)");
            }
            if (tierOutage && s.has("users.count") && s.integer("users.count") == 0) {
                problem(p + ".kind", "a tier-outage affects users, but users.count is 0; accepted: set"
                        + " users.count, or remove the fault");
            }
        }
    }

    private void notFor(Section f, String key, String kind, String appliesTo) {
        problem(f.prefix() + "." + key, "'" + key + "' does not apply to a " + kind + "; it applies to "
                + appliesTo + "; accepted: remove it");
    }

    private void scrub() {
        String scrub = "storage.disk.latentErrors.scrub.";
        boolean interval = s.has(scrub + "interval");
        boolean detection = s.isSet(scrub + "detectionTime");
        if (changed(scrub + "distribution") && !interval) {
            problem(scrub + "distribution", "a scrub distribution without " + scrub + "interval"
                    + (detection ? " (it does not apply to detectionTime, which is a distribution itself)" : "")
                    + "; accepted: give the interval too" + (detection ? ", or remove distribution" : ""));
        }
        if ((interval || detection) && s.has("storage.disk.latentErrors.rate")
                && s.rate("storage.disk.latentErrors.rate") == 0) {
            problem(interval ? scrub + "interval" : scrub + "detectionTime", "scrubbing is set but"
                    + " storage.disk.latentErrors.rate is 0, so there is nothing to find; accepted: set the rate"
                    + " (e.g. 1.08e-4/h), or remove the scrub");
        }
    }

    private void rebuild() {
        boolean timed = s.isSet("storage.rebuild.time");
        for (String k : new String[] {"storage.rebuild.reads", "storage.rebuild.loadFactor"}) {
            if (timed && changed(k)) {
                problem(k, k.substring(k.lastIndexOf('.') + 1) + " applies only to rate-based rebuilds, but"
                        + " storage.rebuild.time (at " + s.where("storage.rebuild.time") + ") draws the duration"
                        + "; accepted: remove it, or use storage.rebuild.rate");
            }
        }
        if (!timed && s.is("storage.rebuild.reads", "used-data") && s.has("users.count")
                && s.integer("users.count") == 0) {
            problem("storage.rebuild.reads", "used-data rebuilds read the users' mail, but users.count is 0;"
                    + " accepted: whole-disk, or set users.count");
        }
    }

    private void spares() {
        String kind = s.has("storage.spares.kind") ? s.string("storage.spares.kind") : "none";
        if (kind.equals("none")) {
            for (String k : new String[] {"scope", "count", "handlingTime", "restockTime"}) {
                if (changed("storage.spares." + k)) {
                    problem("storage.spares." + k, k + " applies only to hot or cold spares, but"
                            + " storage.spares.kind is none; accepted: set kind: hot or kind: cold, or remove it");
                }
            }
        } else if (kind.equals("hot") && s.isSet("storage.spares.handlingTime")) {
            problem("storage.spares.handlingTime", "handlingTime applies only to cold spares (a hot spare takes"
                    + " over at once); accepted: remove it, or set kind: cold");
        }
    }

    private void correlated() {
        double total = 0;
        for (Section lot : s.items("storage.correlated.lots")) {
            if (lot.has("fraction")) {
                total += lot.number("fraction");
            }
        }
        if (total > 1 + 1e-9) {
            problem("storage.correlated.lots", "lot fractions add up to " + Units.plain(Math.round(total * 1e9) / 1e9)
                    + "; accepted: a"
                    + " total of at most 1 (the remaining arrays are nominal)");
        }
        for (Section shock : s.items("storage.correlated.shocks")) {
            if (!shock.has("effect")) {
                continue;
            }
            boolean offline = shock.string("effect").equals("offline");
            if (offline && !shock.has("offlineTime")) {
                problem(shock.prefix() + ".effect", "an offline shock needs 'offlineTime'; accepted: e.g."
                        + " offlineTime: 4h");
            } else if (!offline && shock.has("offlineTime")) {
                problem(shock.prefix() + ".offlineTime", "offlineTime applies only to effect: offline; accepted:"
                        + " remove it, or set effect: offline");
            }
            if (shock.has("disks") && s.has("storage.raid.width")
                    && shock.integer("disks") > s.integer("storage.raid.width")) {
                problem(shock.prefix() + ".disks", shock.integer("disks") + " disks per array but an array has"
                        + " only " + s.integer("storage.raid.width") + "; accepted: disks <= storage.raid.width");
            }
        }
        String a = "storage.correlated.aftershock.";
        if (changed(a + "window") && !s.has(a + "extraHazard") && !s.has(a + "burstFraction")) {
            problem(a + "window", "an aftershock window without extraHazard or burstFraction; accepted: add one"
                    + " of them, e.g. burstFraction: 3.9%");
        }
        if (s.has(a + "burstFraction") && s.has("storage.raid.width") && s.integer("storage.raid.width") < 2) {
            problem(a + "burstFraction", "an aftershock needs another disk in the array; accepted: width >= 2");
        }
    }

    private void traffic() {
        for (String k : new String[] {"traffic.hourlyProfile", "traffic.weeklyProfile"}) {
            if (s.has(k) && s.numbers(k).stream().mapToDouble(Double::doubleValue).sum() <= 0) {
                problem(k, "every entry is 0, so no mail would ever flow; accepted: at least one positive entry");
            }
        }
    }
}

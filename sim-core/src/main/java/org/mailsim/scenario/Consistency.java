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
        Value v = values.get(path);
        problems.add(Problem.at(v != null && !v.isDefault() ? v.where() : root, path, message));
    }

    private void run() {
        raid();
        for (Key k : Schema.SCENARIO.keys()) {
            String other = k.exclusiveWith();
            if (other != null && !k.path().contains("[]") && s.isSet(k.path()) && s.isSet(other)) {
                problem(other, other + " and " + k.path() + " (at " + s.where(k.path()) + ") are both given;"
                        + " accepted: one of them (set the other to null to drop an inherited value)");
            }
        }
        if (s.isSet("storage.disk.latentErrors.scrub.distribution") && !s.has("storage.disk.latentErrors.scrub"
                + ".interval")) {
            problem("storage.disk.latentErrors.scrub.distribution", "a scrub distribution without"
                    + " storage.disk.latentErrors.scrub.interval; accepted: give the interval too");
        }
        if (s.has("backups.policy") && s.string("backups.policy").equals("incremental")
                && !(s.duration("backups.fullInterval") > s.duration("backups.interval"))) {
            problem(s.isSet("backups.fullInterval") ? "backups.fullInterval" : "backups.interval",
                    "under incremental backups the full interval must exceed the incremental interval; accepted:"
                            + " backups.fullInterval > backups.interval");
        }
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
            if (s.has("storage.groups") && f.integer("group") >= s.integer("storage.groups")) {
                problem(p + ".group", "group " + f.integer("group") + " does not exist; accepted: 0 .. "
                        + (s.integer("storage.groups") - 1) + " (storage.groups is " + s.integer("storage.groups")
                        + ")");
            }
            if (s.has("storage.arraysPerGroup") && f.integer("array") >= s.integer("storage.arraysPerGroup")) {
                problem(p + ".array", "array " + f.integer("array") + " does not exist; accepted: 0 .. "
                        + (s.integer("storage.arraysPerGroup") - 1));
            }
            if (kind.equals("disk-failure") && s.has("storage.raid.width")
                    && f.integer("disks") > s.integer("storage.raid.width")) {
                problem(p + ".disks", f.integer("disks") + " disks fail but an array has only "
                        + s.integer("storage.raid.width") + "; accepted: disks <= storage.raid.width");
            }
            boolean tierOutage = kind.equals("tier-outage");
            if (tierOutage != f.has("tier")) {
                problem(p + (tierOutage ? ".kind" : ".tier"), tierOutage ? "a tier-outage needs 'tier'; accepted:"
                        + " mta, webmail, database" : "'tier' applies only to a tier-outage; accepted: remove it");
            }
            if ((tierOutage || kind.equals("group-outage")) && !f.has("duration")) {
                problem(p + ".kind", "a " + kind + " needs 'duration'; accepted: e.g. duration: 20h");
            }
            if (kind.equals("mailbox-deletion")) {
                if (!f.has("users")) {
                    problem(p + ".kind", "a mailbox-deletion needs 'users'; accepted: e.g. users: 17355");
                } else if (s.has("users.count") && f.integer("users") > s.integer("users.count")) {
                    problem(p + ".users", f.integer("users") + " users exceed users.count ("
                            + s.integer("users.count") + "); accepted: users <= users.count");
                }
            }
        }
    }
}

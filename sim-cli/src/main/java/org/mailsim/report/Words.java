package org.mailsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The names people read for what the code calls by key: cost categories and swept configurations. */
public final class Words {
    private static final Map<String, String> COST = Map.ofEntries(
            Map.entry("capital.disks", "disks (depreciation)"),
            Map.entry("capital.spares", "spare disks (depreciation)"),
            Map.entry("capital.servers", "storage servers (depreciation)"),
            Map.entry("capital.backupStorage", "backup storage (depreciation)"),
            Map.entry("running.power", "power"),
            Map.entry("running.restocking", "replacing failed disks"),
            Map.entry("running.backupOperation", "running the backups"),
            Map.entry("incident.vendor", "data-recovery vendor"),
            Map.entry("incident.engineers", "engineers' hours in incidents"),
            Map.entry("incident.outageCompensation", "compensation for hours without mail"),
            Map.entry("incident.lossCompensation", "compensation for lost mail"));

    private Words() {
    }

    /** What the two recovery durations have none of: they are measured per storage outage. */
    public static final String NO_OUTAGE = "no storage outage";

    /**
     * A metric's name on a page, saying what one value is: the two durations are per storage outage, an incident
     * that cut users off (a sector loss restored in place cuts nobody off and has none); the replay's "send/receive
     * back" and "full recovery" are per replication, and named so.
     */
    public static String metric(org.mailsim.run.Metric metric) {
        return switch (metric) {
            case HOURS_TO_RESTORE_SERVICE -> "hours to restore send/receive (per storage outage)";
            case HOURS_TO_FULL_RECOVERY -> "hours to full recovery (per storage outage)";
            default -> metric.label();
        };
    }

    /** A metric's value in its unit: bytes in B/kB/MB/GB/TB, everything else a plain number. */
    public static String metricValue(org.mailsim.run.Metric metric, double value) {
        return metric.unit() == org.mailsim.run.Metric.Unit.BYTES ? Figures.bytes(value) : Figures.number(value);
    }

    /** "disks (depreciation)" for {@code capital.disks}; an unknown key as it is. */
    public static String costCategory(String key) {
        return COST.getOrDefault(key, key);
    }

    /** A swept configuration in words: "RAID 6 of 10 disks, hot spare, incremental backups". */
    public static String configuration(Map<String, String> overrides) {
        List<String> parts = new ArrayList<>();
        String level = overrides.get("storage.raid.level");
        String width = overrides.get("storage.raid.width");
        if (level != null) {
            parts.add(raid(level) + (width != null ? " of " + width + " disks" : ""));
        } else if (width != null) {
            parts.add("arrays of " + width + " disks");
        }
        overrides.forEach((key, value) -> {
            switch (key) {
                case "storage.raid.level", "storage.raid.width" -> {
                }
                case "storage.spares.kind" -> parts.add(switch (value) {
                    case "hot" -> "hot spare";
                    case "cold" -> "cold spare";
                    case "none" -> "no spare wait";
                    default -> value + " spare";
                });
                case "backups.policy" -> parts.add(switch (value) {
                    case "none" -> "no backups";
                    case "full" -> "full backups";
                    case "incremental" -> "incremental backups";
                    default -> value + " backups";
                });
                default -> parts.add(lastPart(key) + " " + value);
            }
        });
        return String.join(", ", parts);
    }

    /** "RAID 6" for raid6, "RAID 10" for raid10, "erasure 6+3" for erasure codes written so. */
    public static String raid(String level) {
        String l = level.toLowerCase(java.util.Locale.ROOT);
        if (l.startsWith("raid")) {
            return "RAID " + l.substring(4);
        }
        if (l.equals("mirror")) {
            return "mirror";
        }
        return level;
    }

    private static String lastPart(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? key : key.substring(dot + 1);
    }
}

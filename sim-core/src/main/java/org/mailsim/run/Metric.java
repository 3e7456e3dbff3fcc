package org.mailsim.run;

/**
 * The per-replication metrics every run reports: first the eleven of the JSON contract, in its order, then
 * extensions (docs/json-contract.md describes each).
 *
 * <p>Each is a {@link Kind}: a whole count per replication (disk failures, loss events), an expectation (the mail
 * and users a replication's losses cost, decided in expectation over where the lost sectors or the unrecovered
 * mail fall: a fraction is meaningful), or a measure (hours, money). Tables say which, so 0.02 "mails lost" reads
 * as an expectation, not as a count.
 *
 * <p>Losses fall in two severity classes ({@link #SECTOR_LOSS_EVENTS sector losses}: unreadable sectors met with
 * no redundancy, some mails; {@link #ARRAY_LOSS_EVENTS array losses}: a whole array's data); storage outages that
 * lose nothing are the third ({@link #OUTAGES_WITHOUT_LOSS}). The fleet-wide loss metrics are the sums over the
 * classes, except users with loss, which counts each user once (a user hit by both classes is one user).
 */
public enum Metric {
    DISK_FAILURES("diskFailures", "disk failures", Kind.COUNT, Unit.DISKS),
    DATA_LOSS_EVENTS("dataLossEvents", "data-loss events (sector + array)", Kind.COUNT, Unit.EVENTS),
    MAILS_LOST("mailsLost", "expected mails lost", Kind.EXPECTATION, Unit.MAILS),
    /** Bytes of mail not recovered (what backups, the vendor and exports did not bring back). */
    BYTES_LOST("bytesLost", "expected bytes not recovered", Kind.EXPECTATION, Unit.BYTES),
    /** Distinct users who lost at least one mail (expected); a user hit by several losses counts once. */
    USERS_WITH_LOSS("usersWithLoss", "expected users with loss (distinct)", Kind.EXPECTATION, Unit.USERS),
    USER_HOURS_UNAVAILABLE("userHoursUnavailable", "user-hours without mailbox access", Kind.MEASURE, Unit.USER_HOURS),
    MAILS_DEFERRED("mailsDeferred", "mails deferred", Kind.MEASURE, Unit.MAILS),
    MAILS_BOUNCED("mailsBounced", "mails bounced", Kind.MEASURE, Unit.MAILS),
    HOURS_TO_RESTORE_SERVICE("hoursToRestoreService", "hours to restore send/receive", Kind.MEASURE, Unit.HOURS),
    HOURS_TO_FULL_RECOVERY("hoursToFullRecovery", "hours to full recovery", Kind.MEASURE, Unit.HOURS),
    TOTAL_COST("totalCost", "total cost", Kind.MEASURE, Unit.MONEY),
    // Extensions after the eleven of the contract, so their order and positions in CSV rows stay as they were.
    /** Mail users tried to send while they could not: the MTA tier down, or no mailbox access. */
    MAILS_FAILED_TO_SEND("mailsFailedToSend", "mails failed to send", Kind.MEASURE, Unit.MAILS),
    /** Bytes that became unreadable on storage, before any backup, vendor or export brought them back. */
    RAW_BYTES_LOST("rawBytesLost", "raw bytes unreadable (before recovery)", Kind.MEASURE, Unit.BYTES),
    /** Arrays that lost data at least once (for per-array figures: divide by the number of arrays). */
    ARRAYS_WITH_LOSS("arraysWithLoss", "arrays with a data loss", Kind.COUNT, Unit.ARRAYS),
    SECTOR_LOSS_EVENTS("sectorLossEvents", "sector losses", Kind.COUNT, Unit.EVENTS),
    SECTOR_LOSS_MAILS_LOST("sectorLossMailsLost", "expected mails lost to sector losses", Kind.EXPECTATION, Unit.MAILS),
    SECTOR_LOSS_USERS_WITH_LOSS("sectorLossUsersWithLoss", "expected users with loss from sector losses",
            Kind.EXPECTATION, Unit.USERS),
    SECTOR_LOSS_BYTES_LOST("sectorLossBytesLost", "expected bytes not recovered from sector losses",
            Kind.EXPECTATION, Unit.BYTES),
    SECTOR_LOSS_RAW_BYTES("sectorLossRawBytes", "raw bytes unreadable in sector losses", Kind.MEASURE, Unit.BYTES),
    ARRAY_LOSS_EVENTS("arrayLossEvents", "whole-array losses", Kind.COUNT, Unit.EVENTS),
    ARRAY_LOSS_MAILS_LOST("arrayLossMailsLost", "expected mails lost to array losses", Kind.EXPECTATION, Unit.MAILS),
    ARRAY_LOSS_USERS_WITH_LOSS("arrayLossUsersWithLoss", "expected users with loss from array losses",
            Kind.EXPECTATION, Unit.USERS),
    ARRAY_LOSS_BYTES_LOST("arrayLossBytesLost", "expected bytes not recovered from array losses",
            Kind.EXPECTATION, Unit.BYTES),
    ARRAY_LOSS_RAW_BYTES("arrayLossRawBytes", "raw bytes on lost arrays", Kind.MEASURE, Unit.BYTES),
    /** Storage outages that ended without loss (disks offline, then back); tier outages count in user-hours only. */
    OUTAGES_WITHOUT_LOSS("outagesWithoutLoss", "storage outages without loss", Kind.COUNT, Unit.EVENTS),
    OUTAGE_USERS_AFFECTED("outageUsersAffected", "users cut off by outages without loss", Kind.MEASURE, Unit.USERS);

    /** What a per-replication value is. */
    public enum Kind {
        /** A whole number per replication; its mean over replications is a rate, its quantiles are whole. */
        COUNT,
        /** An expected value per replication (over where losses fall); fractions are meaningful. */
        EXPECTATION,
        /** A quantity measured in the replication (hours, money, mails integrated over time). */
        MEASURE
    }

    /** What one unit of a value is; bytes are decimal (1 kB = 1,000 B), money is in the scenario's currency. */
    public enum Unit {
        DISKS("disks"), ARRAYS("arrays"), EVENTS("events"), MAILS("mails"), USERS("users"),
        USER_HOURS("user-hours"), HOURS("h"), BYTES("B"), MONEY("currency");

        private final String symbol;

        Unit(String symbol) {
            this.symbol = symbol;
        }

        /** The unit as written after a number or in a column header ("h", "B", "mails"). */
        public String symbol() {
            return symbol;
        }
    }

    private final String key;
    private final String label;
    private final Kind kind;
    private final Unit unit;

    Metric(String key, String label, Kind kind, Unit unit) {
        this.key = key;
        this.label = label;
        this.kind = kind;
        this.unit = unit;
    }

    /** The name in JSON and CSV output. */
    public String key() {
        return key;
    }

    /** The name in tables and charts. */
    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    public Unit unit() {
        return unit;
    }

    /** The metric named {@code key} in JSON and CSV, or null. */
    public static Metric byKey(String key) {
        for (Metric m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        return null;
    }
}

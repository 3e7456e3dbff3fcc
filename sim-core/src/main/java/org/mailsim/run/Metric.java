package org.mailsim.run;

/**
 * The per-replication metrics every run reports: first the eleven of the JSON contract (docs/json-contract.md), in
 * its order, then extensions.
 */
public enum Metric {
    DISK_FAILURES("diskFailures", "disk failures"),
    DATA_LOSS_EVENTS("dataLossEvents", "data-loss events"),
    MAILS_LOST("mailsLost", "mails lost"),
    BYTES_LOST("bytesLost", "bytes lost"),
    USERS_WITH_LOSS("usersWithLoss", "users with loss"),
    USER_HOURS_UNAVAILABLE("userHoursUnavailable", "user-hours without mailbox access"),
    MAILS_DEFERRED("mailsDeferred", "mails deferred"),
    MAILS_BOUNCED("mailsBounced", "mails bounced"),
    HOURS_TO_RESTORE_SERVICE("hoursToRestoreService", "hours to restore send/receive"),
    HOURS_TO_FULL_RECOVERY("hoursToFullRecovery", "hours to full recovery"),
    TOTAL_COST("totalCost", "total cost"),
    // Extensions after the eleven of the contract, so their order and positions in CSV rows stay as they were.
    /** Mail users tried to send while they could not: the MTA tier down, or no mailbox access. */
    MAILS_FAILED_TO_SEND("mailsFailedToSend", "mails failed to send");

    private final String key;
    private final String label;

    Metric(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The name in JSON and CSV output. */
    public String key() {
        return key;
    }

    /** The name in tables and charts. */
    public String label() {
        return label;
    }
}

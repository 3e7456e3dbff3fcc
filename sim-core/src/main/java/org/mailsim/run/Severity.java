package org.mailsim.run;

/**
 * How bad an incident was, by what it did to mail: a whole array's data lost, a service outage that lost nothing,
 * or unreadable sectors (some mails). Declared from worst to mildest: a report that keeps only some incidents
 * keeps array losses first ({@link RunStatistics}).
 */
public enum Severity {
    /** Too many disks failed at once: all the array's mail not yet backed up is lost (the vendor may save some). */
    ARRAY_LOSS("arrayLoss"),
    /** Users were cut off from intact mailboxes (disks offline, then back); nothing lost. */
    OUTAGE("outage"),
    /** An unrecoverable read error or latent sector errors met with no redundancy left: some mails lost. */
    SECTOR_LOSS("sectorLoss");

    private final String key;

    Severity(String key) {
        this.key = key;
    }

    /** The name in JSON and CSV output. */
    public String key() {
        return key;
    }

    /** The severity named {@code key}, or null. */
    public static Severity byKey(String key) {
        for (Severity s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return null;
    }
}

package org.mailsim.model.storage;

import org.mailsim.run.Severity;

/** Why data was lost; {@link #key()} is the name in {@code lossByCause}. */
public enum LossCause {
    /** More disks failed at once than the array tolerates (the textbook double-disk failure). */
    CONCURRENT_FAILURES("concurrentFailures", true),
    /** Failures beyond tolerance where the last one came from a shock or an aftershock. */
    CORRELATED_FAILURE("correlatedFailure", true),
    /** Failures beyond tolerance where the last one was injected by the scenario's script. */
    SCRIPTED_FAULT("scriptedFault", true),
    /** An unrecoverable read error met by a rebuild while the disk read had no redundancy left. */
    URE_DURING_REBUILD("ureDuringRebuild", false),
    /** Latent sector errors read (by a rebuild or a scrub) while the disk had no redundancy left. */
    LATENT_ERROR("latentError", false);

    private static final LossCause[] CAUSES = values();
    /** {@link #key(int)} and {@link #wholeArray(int)} of every set of causes, worked out once. */
    private static final String[] KEYS = new String[1 << CAUSES.length];
    private static final boolean[] WHOLE_ARRAY = new boolean[1 << CAUSES.length];

    static {
        for (int causes = 0; causes < KEYS.length; causes++) {
            StringBuilder key = new StringBuilder();
            for (LossCause cause : CAUSES) {
                if ((causes & (1 << cause.ordinal())) != 0) {
                    key.append(key.length() == 0 ? "" : "+").append(cause.key);
                    WHOLE_ARRAY[causes] |= cause.wholeArray;
                }
            }
            KEYS[causes] = key.toString();
        }
    }

    private final String key;
    private final boolean wholeArray;

    LossCause(String key, boolean wholeArray) {
        this.key = key;
        this.wholeArray = wholeArray;
    }

    public String key() {
        return key;
    }

    /**
     * The {@code lossByCause} name of an event with several causes ({@code causes}: bit {@code ordinal()} per cause):
     * their keys in declaration order joined by '+', e.g. {@code ureDuringRebuild+latentError}.
     */
    public static String key(int causes) {
        return KEYS[causes];
    }

    /** True when the whole array's data is lost; false for partial losses (the unreadable sectors only). */
    public boolean wholeArray() {
        return wholeArray;
    }

    /** True when an event with these causes (bit {@code ordinal()} per cause) lost a whole array. */
    public static boolean wholeArray(int causes) {
        return WHOLE_ARRAY[causes];
    }

    /** The severity class of a loss of this cause. */
    public Severity severity() {
        return wholeArray ? Severity.ARRAY_LOSS : Severity.SECTOR_LOSS;
    }

    /**
     * The severity class of a {@code lossByCause} key: one cause's key, or several joined by {@code +} (one event
     * with several causes), which is an array loss when any of them is; null for a key no cause has.
     */
    public static Severity severityOf(String key) {
        Severity worst = null;
        for (String part : key.split("\\+")) {
            for (LossCause c : values()) {
                if (c.key.equals(part) && (worst == null || c.severity().ordinal() < worst.ordinal())) {
                    worst = c.severity();
                }
            }
        }
        return worst;
    }
}

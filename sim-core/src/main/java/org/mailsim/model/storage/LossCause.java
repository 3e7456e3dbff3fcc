package org.mailsim.model.storage;

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
        StringBuilder key = new StringBuilder();
        for (LossCause cause : values()) {
            if ((causes & (1 << cause.ordinal())) != 0) {
                key.append(key.length() == 0 ? "" : "+").append(cause.key);
            }
        }
        return key.toString();
    }

    /** True when the whole array's data is lost; false for partial losses (the unreadable sectors only). */
    public boolean wholeArray() {
        return wholeArray;
    }
}

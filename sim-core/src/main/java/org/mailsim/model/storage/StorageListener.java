package org.mailsim.model.storage;

/**
 * What the storage model tells the layers built on it (mail, operations). All callbacks run inside the event loop
 * at simulated time {@code hours}; they must not block, and may call back into {@link StorageModel} (for example
 * to schedule a replacement). Groups and arrays are zero-based indices; an array's global index is
 * {@code group * arraysPerGroup + array}. Every method defaults to doing nothing.
 */
public interface StorageListener {
    StorageListener NONE = new StorageListener() { };

    /** A disk failed (random, shock, aftershock or scripted). */
    default void diskFailed(double hours, int group, int array, int disk) {
    }

    /**
     * An array stopped serving data: {@code lost} true when its data is gone (it stays unavailable until replaced),
     * false when too many of its disks are offline (it comes back when they do).
     */
    default void arrayUnavailable(double hours, int group, int array, boolean lost) {
    }

    /** An array serves data again (offline disks returned, or a lost array was replaced by empty storage). */
    default void arrayAvailable(double hours, int group, int array) {
    }

    /** The first array of a group became unavailable. */
    default void groupUnavailable(double hours, int group) {
    }

    /** The last unavailable array of a group became available again. */
    default void groupAvailable(double hours, int group) {
    }

    /**
     * Data was lost on an array: the whole array ({@code cause.wholeArray()}) or only {@code bytes} in unreadable
     * sectors. One call per loss event: the sectors a rebuild could not read and those scrubs found while it was
     * awaited come as one call when the rebuild ends, with their bytes summed; {@code cause} is the event's
     * leading cause (a whole-array cause if any, else a URE before latent errors).
     */
    default void dataLost(double hours, int group, int array, LossCause cause, double bytes) {
    }
}

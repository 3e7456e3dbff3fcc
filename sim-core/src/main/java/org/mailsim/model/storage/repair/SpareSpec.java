package org.mailsim.model.storage.repair;

import java.util.Objects;
import org.mailsim.random.Distribution;
import org.mailsim.random.Distributions;

/**
 * Spare disks. {@link Kind#NONE}: a failed disk's rebuild starts at once (an unlimited hot-spare pool, as in the
 * textbook Markov models). {@link Kind#HOT}: {@code count} spares already in the enclosure, per array or shared by
 * a storage group; the rebuild starts at once when one is free, otherwise waits; the failed disk is swapped for a
 * new spare after {@code replenishTime}. {@link Kind#COLD}: {@code count} disks on a shelf per array or group; the
 * rebuild starts after {@code handlingTime} (someone walks over and inserts it); each disk taken is reordered and
 * arrives after {@code replenishTime} (the restock delay), so a run of failures can empty the shelf.
 */
public record SpareSpec(Kind kind, Scope scope, int count, Distribution handlingTime, Distribution replenishTime) {
    public static final SpareSpec NONE = new SpareSpec(Kind.NONE, Scope.ARRAY, 0, Distributions.deterministic(0),
            Distributions.deterministic(0));

    public enum Kind { NONE, HOT, COLD }

    /** Whether a pool belongs to one array or is shared by the arrays of a storage group. */
    public enum Scope { ARRAY, GROUP }

    public SpareSpec {
        Objects.requireNonNull(kind, "spare kind");
        Objects.requireNonNull(scope, "spare scope");
        Objects.requireNonNull(handlingTime, "handling time");
        Objects.requireNonNull(replenishTime, "replenish time");
        if (count < 0) {
            throw new IllegalArgumentException("spare count must be non-negative, got " + count);
        }
    }

    public static SpareSpec hot(Scope scope, int count, Distribution replaceFailedDisk) {
        return new SpareSpec(Kind.HOT, scope, count, Distributions.deterministic(0), replaceFailedDisk);
    }

    public static SpareSpec cold(Scope scope, int count, Distribution handlingTime, Distribution restockDelay) {
        return new SpareSpec(Kind.COLD, scope, count, handlingTime, restockDelay);
    }
}

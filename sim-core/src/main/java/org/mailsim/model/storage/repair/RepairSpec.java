package org.mailsim.model.storage.repair;

import java.util.Objects;
import org.mailsim.random.Distribution;
import org.mailsim.random.Distributions;

/**
 * How failed disks and lost arrays come back.
 *
 * @param rebuild               rebuild duration
 * @param crews                 one rebuild at a time per array, or all in parallel
 * @param spares                spare policy
 * @param lostArrayReplacement  delay after a whole-array loss until the array is replaced by new, empty disks;
 *                              null leaves it to the operations layer ({@code StorageModel.replaceLostArray})
 */
public record RepairSpec(RebuildSpec rebuild, Crews crews, SpareSpec spares, Distribution lostArrayReplacement) {
    /** {@code storage.repairCrews}: {@code 1} or {@code unlimited}. */
    public enum Crews {
        ONE, UNLIMITED;

        public static Crews byKey(String key) {
            return switch (key.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "1", "one" -> ONE;
                case "unlimited" -> UNLIMITED;
                default -> throw new IllegalArgumentException("repairCrews must be 1 or unlimited, got '" + key + "'");
            };
        }
    }

    public RepairSpec {
        Objects.requireNonNull(rebuild, "rebuild");
        Objects.requireNonNull(crews, "repair crews");
        Objects.requireNonNull(spares, "spares (use SpareSpec.NONE)");
    }

    /** Rebuilds in parallel without spare constraints; a lost array is replaced by empty disks at once. */
    public static RepairSpec of(RebuildSpec rebuild) {
        return new RepairSpec(rebuild, Crews.UNLIMITED, SpareSpec.NONE, Distributions.deterministic(0));
    }

    public RepairSpec withCrews(Crews newCrews) {
        return new RepairSpec(rebuild, newCrews, spares, lostArrayReplacement);
    }

    public RepairSpec withSpares(SpareSpec newSpares) {
        return new RepairSpec(rebuild, crews, newSpares, lostArrayReplacement);
    }

    public RepairSpec withLostArrayReplacement(Distribution delay) {
        return new RepairSpec(rebuild, crews, spares, delay);
    }
}

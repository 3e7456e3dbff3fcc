package org.mailsim.sweep;

import java.util.List;
import java.util.Map;

/**
 * Runs one configuration of a sweep: the base scenario with {@code overrides} applied as {@code --set key=value}
 * (in map order, after the command line's own {@code --set} values), all its replications, merged into a
 * {@link SweepPoint}.
 *
 * <p>Contract the sweep relies on for resumability: the result depends only on the scenario, the overrides, the
 * seed and the replication count, never on the thread count or on which configurations ran before. Throw
 * {@link SweepInputException} (or the scenario layer's own exception, which the command maps to exit code 2) when
 * the overridden scenario is invalid; any other exception is a failure (exit code 1).
 */
@FunctionalInterface
public interface ConfigurationRunner {
    /**
     * @param overrides key path to YAML value text, in the sweep block's key order, as usable by {@code --set}
     */
    SweepPoint run(Map<String, String> overrides);

    /**
     * Called once before {@link #run} with every configuration the sweep is about to run (those not finished by an
     * earlier run), in grid order. A runner that spreads a sweep over a cluster starts all of them here; {@code run}
     * then hands each one's result back in grid order.
     */
    default void starting(List<Configuration> pending) {
    }
}

package org.mailsim.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every command that loads a scenario shares: --set overrides and the --replications and --seed
 * shorthands, which become {@code replications=N} and {@code seed=S} overrides so they are validated, located and
 * hashed like any other key.
 */
final class ScenarioOptions {
    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a key, e.g. --set storage.raid.width=8 (repeatable; value read as YAML).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--replications", paramLabel = "N", converter = Converters.Positive.class,
            description = "Override the scenario's replications.")
    Integer replications;

    @Option(names = "--seed", paramLabel = "S", description = "Override the scenario's seed.")
    Long seed;

    /** The --set values, then replications= and seed= for the shorthands given. */
    List<String> overrides() {
        List<String> all = new ArrayList<>(sets);
        if (replications != null) {
            all.add("replications=" + replications);
        }
        if (seed != null) {
            all.add("seed=" + seed);
        }
        return all;
    }
}

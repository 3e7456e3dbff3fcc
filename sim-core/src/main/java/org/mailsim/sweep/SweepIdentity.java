package org.mailsim.sweep;

import org.mailsim.scenario.Schema;

/**
 * What makes two runs of a sweep the same sweep, so that one may resume the other: the scenario as run (every
 * effective value, defaults included, with the command line's {@code --set} values applied, but without the sweep
 * block itself), the seed and the replication count. The thread count is deliberately absent: results do not
 * depend on it.
 *
 * @param scenarioHash SHA-256 (hex) of the scenario text that defines the sweep's base
 * @param seed         the scenario's seed
 * @param replications replications per configuration
 */
public record SweepIdentity(String scenarioHash, long seed, long replications) {
    public SweepIdentity {
        if (scenarioHash == null || !scenarioHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("scenario hash must be 64 hex digits, got " + scenarioHash);
        }
    }

    /** The identity of a sweep over the base scenario {@code scenarioText}. */
    public static SweepIdentity of(String scenarioText, long seed, long replications) {
        return new SweepIdentity(SweepGrid.sha256Hex(scenarioText), seed, replications);
    }

    /**
     * The base text of a scenario printed by {@code Scenario.toYaml()}: drops the leading comment lines (they
     * name the files and flags used, which may be spelt differently between two runs of the same sweep), the
     * top-level {@code sweep:} block (configurations are matched one by one, so adding values to a grid keeps the
     * finished ones) and the event budget {@code maxEvents} (it changes no result, only whether a replication may
     * finish, so a shard run again with a larger budget still merges with the others).
     */
    public static String baseText(String scenarioYaml) {
        StringBuilder out = new StringBuilder();
        boolean inSweep = false;
        boolean leading = true;
        for (String line : scenarioYaml.split("\n", -1)) {
            if (leading && line.startsWith("#")) {
                continue;
            }
            leading = false;
            boolean topLevel = !line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#");
            if (topLevel) {
                inSweep = line.startsWith("sweep:");
                if (line.startsWith(Schema.MAX_EVENTS.path() + ":")) {
                    continue;
                }
            }
            if (!inSweep) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}

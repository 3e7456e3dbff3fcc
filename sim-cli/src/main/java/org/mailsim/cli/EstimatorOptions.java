package org.mailsim.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How P(data loss) is estimated, shared by run and sweep: {@code --estimator} and {@code --precision} stand for the
 * scenario keys {@code estimator} and {@code precision} (so they are validated and located like any key), and
 * {@code --max-time} bounds the rare-event estimator's wall time (per configuration in a sweep).
 */
final class EstimatorOptions {
    @Option(names = "--estimator", paramLabel = "plain|rare|auto",
            description = "How P(data loss) is estimated (in a sweep: per configuration, and so ranked): plain (the "
                    + "share of replications that lost data), rare (the rare-event estimator: importance sampling "
                    + "per array, scaled to the fleet) or auto (rare when the plain replications saw fewer than 30 "
                    + "losses). Same as --set estimator=...")
    String estimator;

    @Option(names = "--precision", paramLabel = "P%",
            description = "Rare-event estimator: stop when the 95%% interval's half-width is at most P%% of the "
                    + "estimate (default 10%%). Same as --set precision=P%%.")
    String precision;

    @Option(names = "--max-time", paramLabel = "DURATION", converter = Converters.Hours.class,
            description = "Rare-event estimator: stop after this wall time (e.g. 90s, 5m; in a sweep: per "
                    + "configuration) even if the precision is not reached; the result reports the precision "
                    + "reached and is then not reproducible.")
    Double maxTimeHours;

    /**
     * The scenario's overrides: the --set values, then {@code estimator=} and {@code precision=} for the options
     * given, then {@code replications=} and {@code seed=} for the shorthands of {@code scenario}.
     */
    List<String> overrides(ScenarioOptions scenario) {
        List<String> all = new ArrayList<>(scenario.sets);
        if (estimator != null) {
            all.add("estimator=" + estimator);
        }
        if (precision != null) {
            all.add("precision=" + precision);
        }
        if (scenario.replications != null) {
            all.add("replications=" + scenario.replications);
        }
        if (scenario.seed != null) {
            all.add("seed=" + scenario.seed);
        }
        return all;
    }

    /** The wall-time bound in seconds; infinite without --max-time. */
    double maxSeconds() {
        return maxTimeHours == null ? Double.POSITIVE_INFINITY : maxTimeHours * org.mailsim.Hours.SECONDS;
    }
}

package org.mailsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mailsim.report.sweep.SweepCharts;
import org.mailsim.run.Metric;
import org.mailsim.scenario.Scenario;
import org.mailsim.scenario.ScenarioException;
import org.mailsim.scenario.Schema;
import org.mailsim.sweep.Configuration;
import org.mailsim.sweep.ConfigurationFailedException;
import org.mailsim.sweep.ConfigurationRunner;
import org.mailsim.sweep.Sweep;
import org.mailsim.sweep.SweepGrid;
import org.mailsim.sweep.SweepIdentity;
import org.mailsim.sweep.SweepInputException;
import org.mailsim.sweep.SweepPoint;
import org.mailsim.sweep.SweepRow;
import org.mailsim.sweep.SweepState;
import org.mailsim.sweep.SweepTable;
import org.mailsim.sweep.Target;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mailsim sweep FILE --out DIR}: runs every configuration of the scenario's {@code sweep:} grid, saving each
 * as it finishes in {@code DIR/.sweep-state/}, and writes {@code DIR/sweep.csv}, the cost-versus-risk charts and
 * {@code DIR/sweep-summary.txt}. Run the same command again after a crash or kill to resume: finished
 * configurations are read back, and the table comes out byte for byte as an uninterrupted run's.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Runs every combination of the values under the scenario's sweep: block and compares them by "
                + "cost against expected user-hours unavailable and P(data loss).",
                "Writes DIR/sweep.csv, DIR/" + SweepCharts.USER_HOURS_FILE + ", DIR/" + SweepCharts.LOSS_FILE
                        + " and DIR/sweep-summary.txt. Interrupted? Run the same command again: it resumes.",
                "Exit codes: 0 success, 1 failure, 2 invalid input."})
public final class SweepCommand implements Callable<Integer> {

    /**
     * Builds the runner of one sweep. The lead's implementation loads {@code Scenario.load(scenarioFile, sets +
     * configuration overrides)} per configuration and runs its replications on {@code threads} threads.
     */
    @FunctionalInterface
    public interface RunnerFactory {
        /**
         * @param scenarioFile the FILE argument
         * @param sets         the command line's {@code --set} values, then {@code replications=N} and
         *                     {@code seed=S} for {@code --replications}/{@code --seed}; the configuration's
         *                     overrides go after these
         * @param threads      threads for one configuration's replications
         */
        ConfigurationRunner create(Path scenarioFile, List<String> sets, int threads);
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario with a top-level sweep: block.")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder (created if needed; holds the resumable state).")
    Path out;

    @Option(names = "--replications", paramLabel = "N", description = "Replications per configuration "
            + "(default: the scenario's).")
    Integer replications;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: the scenario's).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Threads for each configuration's replications "
            + "(default: all processors). Results do not depend on it.")
    Integer threads;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a scenario key for every "
            + "configuration (repeatable), e.g. --set storage.disk.capacity=8TB.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--target", paramLabel = "CONDITION", description = "What the cheapest configuration must meet "
            + "(repeatable; conditions may be joined with 'and'), e.g. --target 'userHoursUnavailable <= 100 and "
            + "probabilityOfDataLoss <= 0.01'. QUANTITY[.STATISTIC] with STATISTIC mean (default), ci95Low, "
            + "ci95High, p50, p95, p99, max; for probabilityOfDataLoss and mttdlHours: estimate (default), ci95Low, "
            + "ci95High.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only configurations I, I+N, I+2N, ... of the "
            + "grid (0 <= I < N), saving each in DIR/" + SweepState.FOLDER + "; writes no table. Give each shard its "
            + "own DIR; then copy every shard's " + SweepState.FOLDER + "/*.state into one DIR/" + SweepState.FOLDER
            + " and run the sweep there without --shard: it finds them finished and writes the table.")
    String shard;

    private final RunnerFactory runners;

    /** The command as registered in {@link Main}. */
    public SweepCommand() {
        this(SweepCommand::modelRunner);
    }

    /** The command with another runner (tests, embedding). */
    public SweepCommand(RunnerFactory runners) {
        this.runners = runners;
    }

    /**
     * The simulation model behind {@code mailsim sweep}. Wiring point: replace the body with the model's runner,
     * e.g. {@code overrides -> SweepPoint.of(run(Scenario.load(file, sets + overrides), threads))}.
     */
    private static ConfigurationRunner modelRunner(Path scenarioFile, List<String> sets, int threads) {
        return overrides -> {
            List<String> all = new java.util.ArrayList<>(sets);
            overrides.forEach((key, value) -> all.add(key + "=" + value));
            Pipeline.Loaded loaded = Pipeline.load(scenarioFile, all);
            return SweepPoint.of(new org.mailsim.portal.PortalExperiment(loaded.spec())
                    .run(threads, org.mailsim.run.ReplicationRunner.Progress.NONE).statistics(),
                    loaded.spec().extent());
        };
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if ((replications != null && replications < 1) || (threads != null && threads < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--replications and --threads must be at least 1");
        }
        try {
            return sweep(stdout, err);
        } catch (SweepInputException | ScenarioException e) {
            err.println("mailsim sweep: " + e.getMessage());
            err.flush();
            return Main.EXIT_INVALID_INPUT;
        } catch (ConfigurationFailedException e) {
            err.println("mailsim sweep: " + e.getMessage());
            err.println("mailsim sweep: finished configurations are kept in " + out.resolve(SweepState.FOLDER)
                    + "; run the same command again to resume");
            err.flush();
            Throwable cause = e.getCause();
            return cause instanceof ScenarioException || cause instanceof SweepInputException
                    ? Main.EXIT_INVALID_INPUT : Main.EXIT_FAILURE;
        } catch (RuntimeException e) {
            err.println("mailsim sweep: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            if (System.getenv("MAILSIM_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.flush();
            return Main.EXIT_FAILURE;
        }
    }

    private int sweep(PrintWriter stdout, PrintWriter err) {
        List<String> baseSets = new ArrayList<>(sets);
        if (replications != null) {
            baseSets.add("replications=" + replications);
        }
        if (seed != null) {
            baseSets.add("seed=" + seed);
        }
        Scenario base = Scenario.load(file, baseSets);
        // A target on the command line wins over the one stated in the scenario.
        Target target = Target.parse(!targets.isEmpty() || !base.has(Schema.SWEEP_TARGET) ? targets
                : List.of(base.string(Schema.SWEEP_TARGET)));
        SweepGrid grid = SweepGrid.expand(base.sweep());
        Shard block = null;
        if (shard != null) {
            try {
                block = Shard.parse(shard);
            } catch (IllegalArgumentException e) {
                throw new SweepInputException("--shard: " + e.getMessage());
            }
            if (block.count() > grid.size()) {
                throw new SweepInputException("--shard " + block + ": the sweep has only " + grid.size()
                        + " configurations; split it into at most that many shards");
            }
        }
        checkNoConflicts(grid);
        checkEveryConfiguration(grid, baseSets);
        SweepIdentity identity = SweepIdentity.of(SweepIdentity.baseText(base.toYaml()), base.seed(),
                base.replications());
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out + ": " + e.getMessage(), e);
        }
        SweepState state = SweepState.open(out, identity, line -> {
            err.println("mailsim sweep: " + line);
            err.flush();
        });
        int threadCount = Pipeline.threads(threads);
        ConfigurationRunner runner = runners.create(file, List.copyOf(baseSets), threadCount);
        long start = System.nanoTime();
        if (block != null) {
            return sweepShard(block, grid, runner, state, stdout, err, start);
        }
        List<SweepRow> rows = Sweep.run(grid, runner, state, progress(err, state, ""));
        SweepTable table = new SweepTable(grid.keys(), rows, target);
        Path csv = out.resolve("sweep.csv");
        table.writeCsv(csv);
        List<Path> charts;
        try {
            charts = SweepCharts.writeAll(table, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sweep charts in " + out + ": " + e.getMessage(), e);
        }
        List<String> summary = new ArrayList<>(table.summary());
        summary.add(String.format(Locale.ROOT, "seed %d, %d replications per configuration", identity.seed(),
                identity.replications()));
        try {
            Files.write(out.resolve("sweep-summary.txt"), summary, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.resolve("sweep-summary.txt") + ": "
                    + e.getMessage(), e);
        }
        summary.forEach(stdout::println);
        stdout.println("wrote " + csv + ", " + charts.get(0).getFileName() + ", " + charts.get(1).getFileName()
                + ", sweep-summary.txt");
        stdout.flush();
        err.printf(Locale.ROOT, "sweep finished in %.1f s%n", (System.nanoTime() - start) / 1e9);
        err.flush();
        return Main.EXIT_OK;
    }

    /**
     * Runs this shard's configurations, as {@link Sweep#run} runs all of them: in grid order, each saved as it
     * finishes, those an earlier run finished skipped. The table needs every configuration, so it is left to a
     * sweep without --shard over the gathered state files (which then runs nothing).
     */
    private int sweepShard(Shard block, SweepGrid grid, ConfigurationRunner runner, SweepState state,
            PrintWriter stdout, PrintWriter err, long start) {
        List<Configuration> mine = grid.configurations().stream()
                .filter(c -> block.runsConfiguration(c.index())).toList();
        Sweep.run(mine, runner, state, progress(err, state, "this shard's "));
        stdout.printf(Locale.ROOT, "shard %s: %d of the sweep's %d configurations finished in %s%n", block,
                mine.size(), grid.size(), state.folder());
        stdout.println("when every shard has finished, copy their " + SweepState.FOLDER + "/*.state files into one "
                + "DIR/" + SweepState.FOLDER + " and run the same mailsim sweep with --out DIR and without --shard "
                + "to write the table");
        stdout.flush();
        err.printf(Locale.ROOT, "shard finished in %.1f s%n", (System.nanoTime() - start) / 1e9);
        err.flush();
        return Main.EXIT_OK;
    }

    /** One line on stderr per configuration run, and one first if an earlier run finished some. */
    private static Sweep.Listener progress(PrintWriter err, SweepState state, String whose) {
        return new Sweep.Listener() {
            @Override
            public void resuming(int finished, int total) {
                if (finished > 0) {
                    err.printf(Locale.ROOT, "resuming: %d of %s%d configurations already finished in %s%n", finished,
                            whose, total, state.folder());
                    err.flush();
                }
            }

            @Override
            public void finished(SweepRow row, int done, int total, double seconds) {
                err.println(progressLine(row, done, total, seconds));
                err.flush();
            }
        };
    }

    /** A --set of a swept key (or of a section holding one) would be silently overwritten: refuse it. */
    private void checkNoConflicts(SweepGrid grid) {
        for (String set : sets) {
            int eq = set.indexOf('=');
            String path = (eq < 0 ? set : set.substring(0, eq)).strip();
            for (String key : grid.keys()) {
                if (key.equals(path) || key.startsWith(path + ".") || path.startsWith(key + ".")) {
                    throw new SweepInputException("--set " + set + " conflicts with the swept key " + key
                            + "; remove one of them");
                }
            }
        }
    }

    /**
     * Loads the scenario of every configuration before running any, so a combination the scenario rejects (say,
     * a RAID level with too few disks) stops the sweep at once instead of hours into it.
     */
    private void checkEveryConfiguration(SweepGrid grid, List<String> baseSets) {
        List<String> problems = new ArrayList<>();
        int failed = 0;
        for (Configuration c : grid.configurations()) {
            List<String> all = new ArrayList<>(baseSets);
            all.addAll(c.asSets());
            try {
                Scenario.load(file, all);
            } catch (ScenarioException e) {
                failed++;
                if (problems.size() < 5) {
                    problems.add(c.id() + " (" + c.describe() + "): " + e.getMessage());
                }
            }
        }
        if (failed > 0) {
            throw new SweepInputException(failed + " of " + grid.size() + " configurations are invalid:"
                    + System.lineSeparator() + String.join(System.lineSeparator(), problems)
                    + (failed > problems.size() ? System.lineSeparator() + "..." : ""));
        }
    }

    static String progressLine(SweepRow row, int done, int total, double seconds) {
        SweepPoint p = row.point();
        return String.format(Locale.ROOT, "[%d/%d] %s %s: totalCost %.6g, userHoursUnavailable %.4g, P(loss) %s%.3g"
                        + " (%.1f s)", done, total, row.configuration().id(), row.configuration().describe(),
                p.totalCost(), p.metric(Metric.USER_HOURS_UNAVAILABLE).mean(),
                p.probabilityOfDataLoss().boundOnly() ? "<= " : "", p.probabilityOfDataLoss().estimate(),
                seconds);
    }
}

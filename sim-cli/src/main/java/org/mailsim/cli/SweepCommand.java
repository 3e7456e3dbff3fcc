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
import org.mailsim.report.sweep.SweepHtml;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import org.mailsim.report.DurabilityChart;
import org.mailsim.report.ReportCharts;
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

    /** --set (for every configuration), --replications (per configuration) and --seed. */
    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    /** Threads for each configuration's replications. */
    @Mixin
    ThreadsOption threads = new ThreadsOption();

    @Option(names = "--target", paramLabel = "CONDITION", description = "What the cheapest configuration must meet "
            + "(repeatable; conditions may be joined with 'and'), e.g. --target 'userHoursUnavailable <= 100 and "
            + "probabilityOfDataLoss <= 0.01'. QUANTITY[.STATISTIC] with STATISTIC mean (default), ci95Low, "
            + "ci95High, p50, p95, p99, max; for probabilityOfDataLoss and mttdlHours: estimate (default), ci95Low, "
            + "ci95High.")
    List<String> targets = new ArrayList<>();

    /** --estimator, --precision and --max-time (per configuration). */
    @Mixin
    EstimatorOptions estimation = new EstimatorOptions();

    @Option(names = "--shard", paramLabel = "I/N", converter = Converters.ShardConverter.class, description = "Run only configurations I, I+N, I+2N, ... of the "
            + "grid (0 <= I < N), saving each in DIR/" + SweepState.FOLDER + "; writes no table. Give each shard its "
            + "own DIR; then copy every shard's " + SweepState.FOLDER + "/*.state into one DIR/" + SweepState.FOLDER
            + " and run the sweep there without --shard: it finds them finished and writes the table.")
    Shard shard;

    private final RunnerFactory runners;

    /** The command as registered in {@link Main}. */
    public SweepCommand() {
        this.runners = null;
    }

    /** The command with another runner (tests, embedding). */
    public SweepCommand(RunnerFactory runners) {
        this.runners = runners;
    }

    /**
     * The simulation model behind {@code mailsim sweep}. Wiring point: replace the body with the model's runner,
     * e.g. {@code overrides -> SweepPoint.of(run(Scenario.load(file, sets + overrides), threads))}.
     */
    private ConfigurationRunner modelRunner(Path scenarioFile, List<String> sets, int threads) {
        double maxSeconds = estimation.maxSeconds();
        return overrides -> {
            List<String> all = new java.util.ArrayList<>(sets);
            overrides.forEach((key, value) -> all.add(key + "=" + value));
            Pipeline.Loaded loaded = Pipeline.load(scenarioFile, all);
            org.mailsim.run.RunStatistics plain = new org.mailsim.portal.PortalExperiment(loaded.spec())
                    .run(threads, org.mailsim.run.ReplicationRunner.Progress.NONE).statistics();
            // Ranked by the rare-event estimate where the scenario asks for it (estimator: rare, or auto with
            // fewer than 30 plain losses), never by a plain upper bound. A configuration the estimator cannot
            // handle fails the sweep under rare, and keeps its plain figure under auto.
            org.mailsim.durability.DurabilityEstimate d = loaded.durability(plain.replicationsWithLoss(), threads,
                    maxSeconds, true, spec.commandLine().getErr());
            SweepPoint point = SweepPoint.of(plain, loaded.spec().extent());
            if (d == null) {
                return point;
            }
            java.util.Map<org.mailsim.run.Severity, org.mailsim.stats.Estimate> severities =
                    new java.util.EnumMap<>(point.bySeverity());
            severities.put(org.mailsim.run.Severity.ARRAY_LOSS, d.fleetWholeArrayLoss());
            severities.put(org.mailsim.run.Severity.SECTOR_LOSS, d.fleetSectorLoss());
            return new SweepPoint(point.metrics(), d.fleet(),
                    d.exponential() ? d.fleetMttdlHours() : point.mttdlHours(), point.replications(), severities,
                    point.extent());
        };
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        try {
            return sweep(stdout, err);
        } catch (InvalidInputException e) {
            throw e; // Main prints it and exits 2
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
        List<String> baseSets = estimation.overrides(scenario);
        checkOwnFolder(out);
        Scenario base = Scenario.load(file, baseSets);
        // A target on the command line wins over the one stated in the scenario.
        Target target = Target.parse(!targets.isEmpty() || !base.has(Schema.SWEEP_TARGET) ? targets
                : List.of(base.string(Schema.SWEEP_TARGET)));
        SweepGrid grid = SweepGrid.expand(base.sweep());
        Shard block = shard;
        if (shard != null) {
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
        int threadCount = threads.count();
        ConfigurationRunner runner = (runners != null ? runners : (RunnerFactory) this::modelRunner)
                .create(file, List.copyOf(baseSets), threadCount);
        long start = System.nanoTime();
        if (block != null) {
            return sweepShard(block, grid, runner, state, stdout, err, start);
        }
        List<SweepRow> rows = Sweep.run(grid, runner, state, progress(err, state, ""));
        SweepTable table = new SweepTable(grid.keys(), rows, target);
        Path csv = out.resolve("sweep.csv");
        table.writeCsv(csv);
        org.mailsim.portal.PortalSpec baseSpec = org.mailsim.portal.ScenarioBinding.bind(base);
        String currency = baseSpec.costs().currency();
        List<Path> charts;
        try {
            charts = SweepCharts.writeAll(table, out, currency);
            // Last, so the page exists only once the charts and the CSV it links to do.
            Files.writeString(out.resolve("index.html"), SweepHtml.render(table, new SweepHtml.Run(base.name(),
                    identity.seed(), identity.replications(), baseSpec.horizon().hours(), currency, command())),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sweep report in " + out + ": " + e.getMessage(), e);
        }
        boolean logChart = rows.stream().noneMatch(r -> r.point().probabilityOfDataLoss().boundOnly());
        if (logChart) {
            // Every configuration has an estimate (rare-event estimates, or plain ones that saw losses): rank them
            // on a log scale with their intervals, where a linear axis would show 1e-9 and 1e-14 as zeros.
            List<DurabilityChart.Row> chartRows = rows.stream().map(r -> new DurabilityChart.Row(
                    r.configuration().describe(), r.point().probabilityOfDataLoss())).toList();
            try {
                ReportCharts.savePng(DurabilityChart.of(chartRows, "P(data loss within the horizon), log scale"),
                        out.resolve("sweep-loss-probability.png"), ReportCharts.WIDTH,
                        Math.max(ReportCharts.HEIGHT, 60 + 28 * chartRows.size()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the sweep charts in " + out + ": " + e.getMessage(), e);
            }
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
                + (logChart ? ", sweep-loss-probability.png" : "") + ", sweep-summary.txt");
        stdout.println("report: " + out.resolve("index.html"));
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

    /** The command line that reproduces this sweep. */
    private String command() {
        // DIR, not the folder's path: the page is the same wherever the sweep was written (and a Spark sweep's
        // byte for byte a local one's); run in DIR's place, the command resumes there and writes the same table.
        List<String> words = new ArrayList<>(List.of("mailsim", "sweep", file.toString(), "--out", "DIR"));
        if (scenario.replications != null) {
            words.addAll(List.of("--replications", scenario.replications.toString()));
        }
        if (scenario.seed != null) {
            words.addAll(List.of("--seed", scenario.seed.toString()));
        }
        for (String set : scenario.sets) {
            words.addAll(List.of("--set", Pipeline.quote(set)));
        }
        for (String t : targets) {
            words.addAll(List.of("--target", Pipeline.quote(t)));
        }
        return String.join(" ", words);
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

    /**
     * The sweep writes sweep.csv, its charts and summary into DIR and keeps its state there: DIR must be new, empty
     * or a sweep's own (it holds {@value SweepState#FOLDER}), never a folder of other files it would overwrite.
     */
    private static void checkOwnFolder(Path out) {
        Pipeline.checkWritable(out, "sweep folder");
        if (!Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(out, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new SweepInputException(out + " exists and is not a folder; accepted: a new or a sweep's folder");
        }
        if (Files.isDirectory(out.resolve(SweepState.FOLDER))) {
            return;
        }
        try (java.util.stream.Stream<Path> entries = Files.list(out)) {
            if (entries.findAny().isPresent()) {
                throw new SweepInputException(out + " holds other files and no " + SweepState.FOLDER + "; a sweep"
                        + " writes sweep.csv, its charts and summary there: accepted: a new, empty or sweep folder");
            }
        } catch (IOException e) {
            throw new SweepInputException(out + ": cannot list it (" + e.getMessage() + ")");
        }
    }

    /** A --set of a swept key (or of a section holding one) would be silently overwritten: refuse it. */
    private void checkNoConflicts(SweepGrid grid) {
        for (String set : scenario.sets) {
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

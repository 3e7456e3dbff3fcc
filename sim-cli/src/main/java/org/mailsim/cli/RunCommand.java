package org.mailsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mailsim.scenario.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mailsim run SCENARIO.yaml}: runs the scenario's replications and writes a report folder. With
 * {@code --format json} standard output is exactly one JSON document (MISSION.md section 6). With
 * {@code --shard I/N --results-out FILE} it runs one block of the replications and saves their full results for
 * {@code mailsim merge}, which turns the parts of a run spread over machines into this command's own report.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a scenario's replications and write a report (index.html, charts, summary.csv, "
                + "summary.json, incidents.csv).",
                "Exit codes: 0 success, 2 invalid input (file:line:column: key.path: problem), 1 failure."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML).")
    private Path file;

    @Option(names = "--replications", paramLabel = "N", description = "Override the scenario's replications.")
    private Integer replications;

    @Option(names = "--seed", paramLabel = "S", description = "Override the scenario's seed.")
    private Long seed;

    @Option(names = "--threads", paramLabel = "T",
            description = "Threads (default: all cores); results are identical for any count.")
    private Integer threads;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a key, e.g. --set storage.raid.width=8 (repeatable; value read as YAML).")
    private List<String> sets = new ArrayList<>();

    @Mixin
    private ReportOptions report = new ReportOptions();

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run only block I of N equal blocks of the replications (0 <= I < N), e.g. a Slurm array "
                    + "task; needs --results-out. No report folder unless --out is given. Combine the parts with "
                    + "mailsim merge.")
    private String shard;

    @Option(names = "--results-out", paramLabel = "FILE",
            description = "Also save every replication's full result as JSON Lines (a header line naming the run, "
                    + "then one line per replication), for mailsim merge.")
    private Path resultsOut;

    @Option(names = "--estimator", paramLabel = "plain|rare|auto",
            description = "How P(data loss) is estimated: plain (the share of replications that lost data), rare "
                    + "(the rare-event estimator: importance sampling per array, scaled to the fleet) or auto (rare "
                    + "when the plain replications saw fewer than 30 losses). Same as --set estimator=...")
    private String estimator;

    @Option(names = "--precision", paramLabel = "P%",
            description = "Rare-event estimator: stop when the 95% interval's half-width is at most P% of the "
                    + "estimate (default 10%). Same as --set precision=P%.")
    private String precision;

    @Option(names = "--max-time", paramLabel = "DURATION",
            description = "Rare-event estimator: stop after this wall time (e.g. 90s, 5m) even if the precision is "
                    + "not reached; the result reports the precision reached and is then not reproducible.")
    private String maxTime;

    enum Format { table, json }

    private final ReplicationEngine engine;

    /** The command as registered in {@link Main}: replications run on this machine's threads. */
    public RunCommand() {
        this(ReplicationEngine.LOCAL);
    }

    /** The command with replications computed elsewhere (a cluster); options, checks and report are the same. */
    public RunCommand(ReplicationEngine engine) {
        this.engine = engine;
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        int threadCount = Pipeline.threads(threads);
        if (threadCount < 1 || (replications != null && replications < 1)) {
            stderr.println("mailsim run: --threads and --replications must be at least 1");
            stderr.flush();
            return Main.EXIT_INVALID_INPUT;
        }
        double maxSeconds = Double.POSITIVE_INFINITY;
        if (maxTime != null) {
            try {
                maxSeconds = Units.duration(maxTime) * 3600;
            } catch (IllegalArgumentException e) {
                return invalid(stderr, "--max-time " + maxTime + ": " + e.getMessage() + "; accepted: a duration "
                        + "such as 90s, 5m or 1h");
            }
            if (!(maxSeconds > 0)) {
                return invalid(stderr, "--max-time must be positive, got " + maxTime);
            }
        }
        Pipeline.Loaded loaded = Pipeline.load(file, Pipeline.withEstimator(sets, estimator, precision), replications,
                seed, stderr);
        if (loaded == null) {
            return Main.EXIT_INVALID_INPUT;
        }
        Shard block = Shard.WHOLE;
        if (shard != null) {
            try {
                block = Shard.parse(shard);
            } catch (IllegalArgumentException e) {
                return invalid(stderr, "--shard: " + e.getMessage());
            }
            if (resultsOut == null) {
                return invalid(stderr, "--shard needs --results-out FILE: a shard's results are merged later");
            }
            if (block.count() > loaded.spec().replications()) {
                return invalid(stderr, "--shard " + block + ": the run has only " + loaded.spec().replications()
                        + " replications; split it into at most that many shards");
            }
        }
        // A shard writes a report only when asked: its figures cover a part of the run.
        Path target = shard != null && report.out == null ? null : report.target(loaded.spec().name());
        String refusal = Pipeline.refuseExistingReport(target, report.force);
        if (refusal != null) {
            return invalid(stderr, refusal);
        }
        if (resultsOut != null) {
            // Checked now, not after the run: the report refuses a folder the results file was written into.
            Path results = resultsOut.toAbsolutePath().normalize();
            if (target != null && results.startsWith(target.toAbsolutePath().normalize())) {
                return invalid(stderr, "--results-out " + resultsOut + " lies inside the report folder " + target
                        + "; accepted: a path outside it");
            }
            Path parent = results.getParent();
            if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
                return invalid(stderr, "--results-out " + resultsOut + ": " + parent + " is a file, not a folder");
            }
        }
        if (resultsOut == null) {
            Pipeline.Result result = loaded.run(engine, threadCount, ProgressBar.forTerminal(report.quiet));
            try {
                result = loaded.withDurability(result, threadCount, maxSeconds, report.quiet, stderr);
            } catch (IllegalArgumentException e) {
                return invalid(stderr, "--estimator rare: " + e.getMessage());
            }
            return report.publish("run", result, target, stdout, stderr);
        }
        ResultsPart.Header header = ResultsPart.Header.of(loaded, block, Main.version());
        Pipeline.Result result;
        try (ResultsPart.Writer writer = ResultsPart.Writer.open(resultsOut, header, report.force)) {
            // Saving results changes no figure; a shard's figures are its block's.
            String command = shard == null ? loaded.command()
                    : loaded.command() + " --shard " + block + " --results-out " + resultsOut;
            result = loaded.run(engine, threadCount, header.first(), header.count(), replication -> {
                try {
                    writer.write(replication);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, command, ProgressBar.forTerminal(report.quiet));
            writer.commit();
        } catch (FileAlreadyExistsException e) {
            return invalid(stderr, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            stderr.println("mailsim run: cannot write the results to " + resultsOut + ": " + cause.getMessage());
            stderr.flush();
            return Main.EXIT_FAILURE;
        }
        if (!report.quiet) {
            stderr.println("results: " + resultsOut + " (replications " + header.range() + " of 0.."
                    + (header.replications() - 1) + ")");
        }
        if (shard == null) {
            try {
                result = loaded.withDurability(result, threadCount, maxSeconds, report.quiet, stderr);
            } catch (IllegalArgumentException e) {
                return invalid(stderr, "--estimator rare: " + e.getMessage());
            }
        }
        if (shard != null && report.format == Format.table) {
            // A shard's table looks like a whole run's: say whose figures these are, where a job log keeps them.
            stdout.println("shard " + block + ": replications " + header.range() + " of 0.."
                    + (header.replications() - 1) + "; mailsim merge gives the run's figures");
        }
        return report.publish("run", result, target, stdout, stderr);
    }

    private static int invalid(PrintWriter stderr, String message) {
        stderr.println("mailsim run: " + message);
        stderr.flush();
        return Main.EXIT_INVALID_INPUT;
    }
}

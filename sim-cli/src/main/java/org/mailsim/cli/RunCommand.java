package org.mailsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mailsim run SCENARIO.yaml}: runs the scenario's replications and writes a report folder. With
 * {@code --format json} standard output is exactly one JSON document (docs/json-contract.md). With
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

    @Mixin
    private ScenarioOptions scenario = new ScenarioOptions();

    @Mixin
    private ThreadsOption threads = new ThreadsOption();

    @Mixin
    private ReportOptions report = new ReportOptions();

    @Mixin
    private RunLimits limits = new RunLimits();

    @Option(names = "--shard", paramLabel = "I/N", converter = Converters.ShardConverter.class,
            description = "Run only block I of N equal blocks of the replications (0 <= I < N), e.g. a Slurm array "
                    + "task; needs --results-out. No report folder unless --out is given. Combine the parts with "
                    + "mailsim merge.")
    private Shard shard;

    @Option(names = "--results-out", paramLabel = "FILE",
            description = "Also save every replication's full result as JSON Lines (a header line naming the run, "
                    + "then one line per replication, then a checksum), for mailsim merge.")
    private Path resultsOut;

    @Mixin
    private EstimatorOptions estimation = new EstimatorOptions();

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
        int threadCount = threads.count();
        double maxSeconds = estimation.maxSeconds();
        List<String> overrides = estimation.overrides(scenario);
        overrides.addAll(limits.overrides());
        Pipeline.Loaded loaded = Pipeline.load(file, overrides);
        Shard block = shard != null ? shard : Shard.WHOLE;
        if (shard != null) {
            if (resultsOut == null) {
                throw new InvalidInputException("--shard needs --results-out FILE: a shard's results are merged later");
            }
            if (block.count() > loaded.spec().replications()) {
                throw new InvalidInputException("--shard " + block + ": the run has only "
                        + loaded.spec().replications() + " replications; split it into at most that many shards");
            }
        }
        limits.check(loaded.spec(), threadCount);
        // A shard writes a report only when asked: its figures cover a part of the run.
        Path target = shard != null && report.out == null ? null : report.target(loaded.spec().name(), loaded.whatIfs());
        if (resultsOut != null) {
            // Checked now, not after the run: the report refuses a folder the results file was written into.
            Path results = resultsOut.toAbsolutePath().normalize();
            if (target != null && results.startsWith(target.toAbsolutePath().normalize())) {
                throw new InvalidInputException("--results-out " + resultsOut + " lies inside the report folder "
                        + target + "; accepted: a path outside it");
            }
            Pipeline.checkWritable(resultsOut, "results file");
            if (Files.exists(resultsOut)) {
                try {
                    // Refused now (not a results file, the scenario itself, a device): before the run, not after.
                    java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(resultsOut,
                            java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    String refusal = a.isRegularFile() ? ResultsPart.refusal(resultsOut, report.force)
                            : a.isDirectory() ? "is a folder; --results-out takes a file name"
                            : "is not a regular file (a device, FIFO, socket or link); not replacing it, even with --force";
                    if (refusal != null) {
                        throw new InvalidInputException("--results-out " + resultsOut + ": " + refusal);
                    }
                } catch (IOException e) {
                    throw new InvalidInputException("--results-out " + resultsOut + ": cannot read it ("
                            + e.getMessage() + ")");
                }
            }
        }
        if (resultsOut == null) {
            Pipeline.Result result = loaded.run(engine, threadCount, limits.progress(report.quiet));
            try {
                result = loaded.withDurability(result, threadCount, maxSeconds, report.quiet, stderr);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--estimator rare: " + e.getMessage());
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
            }, command, limits.progress(report.quiet));
            writer.commit();
        } catch (FileAlreadyExistsException e) {
            throw new InvalidInputException(e.getMessage());
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
                throw new InvalidInputException("--estimator rare: " + e.getMessage());
            }
        }
        if (shard != null && report.format == Format.table) {
            // A shard's table looks like a whole run's: say whose figures these are, where a job log keeps them.
            stdout.println("shard " + block + ": replications " + header.range() + " of 0.."
                    + (header.replications() - 1) + "; mailsim merge gives the run's figures");
        }
        return report.publish("run", result, target, stdout, stderr);
    }
}

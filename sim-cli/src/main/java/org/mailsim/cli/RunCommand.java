package org.mailsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mailsim.report.ReportFolder;
import org.mailsim.report.ReportJson;
import org.mailsim.report.ReportTable;
import org.mailsim.scenario.Problem;
import org.mailsim.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mailsim run SCENARIO.yaml}: runs the scenario's replications and writes a report folder. With
 * {@code --format json} standard output is exactly one JSON document (MISSION.md section 6).
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

    @Option(names = "--out", paramLabel = "DIR",
            description = "Report folder (default: reports/<scenario>-<date-time>).")
    private Path out;

    @Option(names = "--no-report", description = "Print the summary only; write no report folder.")
    private boolean noReport;

    @Option(names = "--force", description = "Replace an existing report folder.")
    private boolean force;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table (default) or json (stdout is then exactly the summary JSON document).")
    private Format format;

    @Option(names = "--quiet", description = "No progress bar, no notes on stderr.")
    private boolean quiet;

    enum Format { table, json }

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
        List<String> overrides = new ArrayList<>(sets);
        if (replications != null) {
            overrides.add("replications=" + replications);
        }
        if (seed != null) {
            overrides.add("seed=" + seed);
        }
        Pipeline.Loaded loaded;
        try {
            loaded = Pipeline.load(file, overrides);
        } catch (ScenarioException e) {
            for (Problem p : e.problems()) {
                stderr.println(p.format());
            }
            stderr.flush();
            return Main.EXIT_INVALID_INPUT;
        }
        Path target = out != null ? out : Pipeline.defaultReportFolder(loaded.spec().name());
        if (!noReport && !force && target.toFile().exists()) {
            // Refuse before spending minutes on the run.
            stderr.println("mailsim run: " + target + " already exists; choose another --out or pass --force");
            stderr.flush();
            return Main.EXIT_INVALID_INPUT;
        }
        Pipeline.Result result = loaded.run(threadCount, ProgressBar.forTerminal(quiet));
        if (!noReport) {
            try {
                Path written = ReportFolder.write(result.report(), target, force);
                if (!quiet) {
                    stderr.println("report: " + written.resolve("index.html"));
                }
            } catch (FileAlreadyExistsException e) {
                stderr.println("mailsim run: " + e.getMessage());
                stderr.flush();
                return Main.EXIT_INVALID_INPUT;
            } catch (IOException e) {
                stderr.println("mailsim run: cannot write the report to " + target + ": " + e.getMessage());
                stderr.flush();
                return Main.EXIT_FAILURE;
            }
        }
        stdout.print(format == Format.json ? ReportJson.toJson(result.report())
                : ReportTable.render(result.report()));
        stdout.flush();
        stderr.flush();
        return Main.EXIT_OK;
    }
}

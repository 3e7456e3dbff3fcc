package org.mailsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of a command that ends in a run report: where it goes, whether to replace one, and how to print. */
final class ReportOptions {
    @Option(names = "--out", paramLabel = "DIR",
            description = "Report folder (default: reports/<scenario>-<date-time>).")
    Path out;

    @Option(names = "--no-report", description = "Print the summary only; write no report folder.")
    boolean noReport;

    @Option(names = "--force", description = "Replace an existing report folder.")
    boolean force;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table (default) or json (stdout is then exactly the summary JSON document).")
    RunCommand.Format format;

    @Option(names = "--quiet", description = "No progress bar, no notes on stderr.")
    boolean quiet;

    /**
     * The report folder for a run of {@code scenario} with its --set what-ifs: --out, or the default; null with
     * --no-report. Checked now (exists without --force, not a mailsim report, read-only, the root folder): before the
     * run, not after it.
     */
    Path target(String scenario, java.util.List<String> overrides) {
        Path target = noReport ? null : out != null ? out : Pipeline.defaultReportFolder(scenario, overrides);
        Pipeline.checkReportTarget(target, force);
        return target;
    }

    /** Writes the report to {@code target} (unless null) and prints the summary; returns the exit code. */
    int publish(String command, Pipeline.Result result, Path target, PrintWriter stdout, PrintWriter stderr) {
        return Pipeline.publish(command, result, target, force, out == null, format, quiet, stdout, stderr);
    }
}

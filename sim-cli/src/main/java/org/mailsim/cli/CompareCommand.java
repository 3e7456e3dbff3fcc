package org.mailsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mailsim.report.ReportFolder;
import org.mailsim.report.compare.Comparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mailsim compare REPORT_A REPORT_B [...] --out DIR}: run reports (or every variant of a replay report) side
 * by side, each metric with its interval and whether it differs significantly from the first.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares run reports (folders written by mailsim run, or a replay folder's variants): each "
                + "metric with both 95%% intervals and whether the difference from the first is significant: paired "
                + "(common random numbers) when both runs used the same seed and replications and kept "
                + "replications.csv, else unpaired; the page and compare.json say which.",
                "Writes DIR/index.html and DIR/compare.json.",
                "Exit codes: 0 success, 1 failure, 2 invalid input."})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "REPORT", description = "Report folders (a replay folder stands for its"
            + " variants): the first run is the reference.")
    List<Path> reports = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: reports/compare-<date-time>).")
    Path out;

    @Option(names = "--force", description = "Replace DIR if it holds an earlier comparison.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Path target = (out != null ? out : Pipeline.defaultReportFolder("compare")).toAbsolutePath().normalize();
        List<Comparison.Run> runs = new ArrayList<>();
        for (Path report : reports) {
            try {
                for (Comparison.Run r : Comparison.read(report)) {
                    // Links from the comparison's page to each run's page: relative, so the folders can move together.
                    Path folder = Path.of(r.folder()).toAbsolutePath().normalize();
                    runs.add(new Comparison.Run(r.label(), target.relativize(folder).toString().replace('\\', '/'),
                            r.summary(), r.replicationValues()));
                }
            } catch (IOException e) {
                err.println("mailsim compare: " + e.getMessage());
                err.flush();
                return Main.EXIT_INVALID_INPUT;
            }
        }
        if (runs.size() < 2) {
            err.println("mailsim compare: need at least two runs to compare, found " + runs.size());
            err.flush();
            return Main.EXIT_INVALID_INPUT;
        }
        Comparison comparison = new Comparison(runs);
        try {
            ReportFolder.writeAtomically(target, force, folder -> {
                ReportFolder.writeString(folder.resolve("compare.json"), comparison.json());
                ReportFolder.writeString(folder.resolve("index.html"), comparison.html());
            });
        } catch (FileAlreadyExistsException e) {
            err.println("mailsim compare: " + e.getMessage());
            err.flush();
            return Main.EXIT_INVALID_INPUT;
        } catch (IOException e) {
            err.println("mailsim compare: cannot write " + target + ": " + e.getMessage());
            err.flush();
            return Main.EXIT_FAILURE;
        }
        stdout.println("report: " + target.resolve("index.html"));
        stdout.flush();
        return Main.EXIT_OK;
    }
}

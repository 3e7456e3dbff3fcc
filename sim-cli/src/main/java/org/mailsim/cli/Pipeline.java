package org.mailsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mailsim.portal.PortalExperiment;
import org.mailsim.portal.PortalSpec;
import org.mailsim.portal.ScenarioBinding;
import org.mailsim.report.RunReport;
import org.mailsim.report.replay.ReportedTimeline;
import org.mailsim.run.ReplicationRunner;
import org.mailsim.scenario.Scenario;

/**
 * A run as a pipeline you can name: load the scenario (with --set overrides), bind it to the model, run the
 * replications, merge the statistics, and describe the result as a report. Shared by {@code run}, {@code sweep}
 * and {@code replay}.
 */
final class Pipeline {
    private Pipeline() {
    }

    /** The thread count a command runs with: the --threads option, or every core. */
    static int threads(Integer option) {
        return option != null ? option : ReplicationRunner.defaultThreads();
    }

    /** Where a report goes when no --out is given: {@code reports/NAME-<yyyyMMdd-HHmmss>}. */
    static Path defaultReportFolder(String name) {
        return Path.of("reports", name + "-" + java.time.LocalDateTime.now()
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    /** Loads and binds a scenario; throws ScenarioException with every located problem. */
    static Loaded load(Path file, List<String> sets) {
        Scenario scenario = Scenario.load(file, sets);
        return new Loaded(file, scenario, ScenarioBinding.bind(scenario), List.copyOf(sets));
    }

    /** A scenario as loaded and bound, with the overrides that produced it. */
    record Loaded(Path file, Scenario scenario, PortalSpec spec, List<String> sets) {
        /** The command line that reproduces this run. */
        String command() {
            List<String> words = new ArrayList<>(List.of("mailsim", "run", file.toString()));
            for (String set : sets) {
                words.add("--set");
                words.add(quote(set));
            }
            return String.join(" ", words);
        }

        Result run(int threads, ReplicationRunner.Progress progress) {
            long start = System.nanoTime();
            PortalExperiment.Outcome outcome = new PortalExperiment(spec).run(threads, progress);
            double seconds = (System.nanoTime() - start) / 1e9;
            RunReport report = RunReport.builder(spec.name(), outcome.statistics())
                    .seed(spec.seed())
                    .threads(threads)
                    .horizonHours(spec.horizon().hours())
                    .version(Main.version())
                    .scenarioYaml(scenario.toYaml())
                    .command(command())
                    .cost(outcome.meanCost())
                    .wallClockSeconds(seconds)
                    .reportedTimeline(ReportedTimeline.from(scenario).milestones())
                    .build();
            return new Result(outcome, report);
        }
    }

    record Result(PortalExperiment.Outcome outcome, RunReport report) {
    }

    private static String quote(String word) {
        return word.matches("[A-Za-z0-9_./=:,+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}

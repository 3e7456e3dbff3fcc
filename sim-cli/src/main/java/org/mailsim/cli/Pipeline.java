package org.mailsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.mailsim.portal.PortalExperiment;
import org.mailsim.portal.PortalSpec;
import org.mailsim.portal.ScenarioBinding;
import org.mailsim.report.ReportFolder;
import org.mailsim.report.ReportJson;
import org.mailsim.report.ReportTable;
import org.mailsim.report.RunReport;
import org.mailsim.report.replay.ReportedTimeline;
import org.mailsim.run.ReplicationRunner;
import org.mailsim.scenario.Problem;
import org.mailsim.scenario.Scenario;
import org.mailsim.scenario.ScenarioException;

/**
 * A run as a pipeline you can name: load the scenario (with --set overrides), bind it to the model, run the
 * replications, merge the statistics, and describe the result as a report. Shared by {@code run}, {@code sweep},
 * {@code replay} and {@code merge} (which starts from saved results instead of running replications).
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

    /**
     * Loads and binds a scenario with the --set values and the --replications and --seed options (null when not
     * given) as overrides, so run and merge hash the same bound scenario; on problems prints each to
     * {@code stderr} and returns null.
     */
    static Loaded load(Path file, List<String> sets, Integer replications, Long seed, PrintWriter stderr) {
        List<String> overrides = new ArrayList<>(sets);
        if (replications != null) {
            overrides.add("replications=" + replications);
        }
        if (seed != null) {
            overrides.add("seed=" + seed);
        }
        try {
            return load(file, overrides);
        } catch (ScenarioException e) {
            for (Problem p : e.problems()) {
                stderr.println(p.format());
            }
            stderr.flush();
            return null;
        }
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
            return run(ReplicationEngine.LOCAL, threads, progress);
        }

        Result run(ReplicationEngine engine, int threads, ReplicationRunner.Progress progress) {
            return run(engine, threads, 0, spec.replications(), replication -> { }, command(), progress);
        }

        /**
         * Runs replications {@code first .. first + count - 1} only (a shard), handing each, in index order, to
         * {@code tap} (which saves it for {@code mailsim merge}) before it is merged into the statistics.
         */
        Result run(ReplicationEngine engine, int threads, int first, int count,
                Consumer<? super PortalExperiment.Replication> tap, String command,
                ReplicationRunner.Progress progress) {
            long start = System.nanoTime();
            PortalExperiment.Merge merge = new PortalExperiment.Merge(spec);
            engine.run(scenario, spec, threads, first, count, replication -> {
                tap.accept(replication);
                merge.add(replication);
            }, progress);
            return report(merge.outcome(), threads, (System.nanoTime() - start) / 1e9, command);
        }

        /** Describes an outcome (run here, or merged from saved results) as the run's report. */
        Result report(PortalExperiment.Outcome outcome, int threads, double seconds, String command) {
            RunReport report = RunReport.builder(spec.name(), outcome.statistics())
                    .seed(spec.seed())
                    .threads(threads)
                    .horizonHours(spec.horizon().hours())
                    .extent(spec.extent())
                    .version(Main.version())
                    .scenarioYaml(scenario.toYaml())
                    .command(command)
                    .cost(outcome.meanCost())
                    .wallClockSeconds(seconds)
                    .reportedTimeline(ReportedTimeline.from(scenario).milestones())
                    .build();
            return new Result(outcome, report);
        }
    }

    record Result(PortalExperiment.Outcome outcome, RunReport report) {
    }

    /**
     * Refuses, before minutes of work, a report folder that exists without --force; returns the message, or null
     * when the folder may be written.
     */
    static String refuseExistingReport(Path target, boolean force) {
        if (target != null && !force && target.toFile().exists()) {
            return target + " already exists; choose another --out or pass --force";
        }
        return null;
    }

    /**
     * How {@code run} and {@code merge} end: the report folder (none when {@code target} is null), then the
     * summary on stdout, the table or exactly one JSON document. Returns the exit code.
     */
    static int publish(String commandName, Result result, Path target, boolean force, RunCommand.Format format,
            boolean quiet, PrintWriter stdout, PrintWriter stderr) {
        if (target != null) {
            try {
                Path written = ReportFolder.write(result.report(), target, force);
                if (!quiet) {
                    stderr.println("report: " + written.resolve("index.html"));
                }
            } catch (FileAlreadyExistsException e) {
                stderr.println("mailsim " + commandName + ": " + e.getMessage());
                stderr.flush();
                return Main.EXIT_INVALID_INPUT;
            } catch (IOException e) {
                stderr.println("mailsim " + commandName + ": cannot write the report to " + target + ": "
                        + e.getMessage());
                stderr.flush();
                return Main.EXIT_FAILURE;
            }
        }
        stdout.print(format == RunCommand.Format.json ? ReportJson.toJson(result.report())
                : ReportTable.render(result.report()));
        stdout.flush();
        stderr.flush();
        return Main.EXIT_OK;
    }

    private static String quote(String word) {
        return word.matches("[A-Za-z0-9_./=:,+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}

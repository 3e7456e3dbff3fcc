package org.mailsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.mailsim.durability.DurabilityEstimate;
import org.mailsim.durability.DurabilityEstimator;
import org.mailsim.durability.Estimator;
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
import org.mailsim.scenario.Schema;

/**
 * A run as a pipeline you can name: load the scenario (with --set overrides), bind it to the model, run the
 * replications, merge the statistics, and describe the result as a report. Shared by {@code run}, {@code sweep},
 * {@code replay} and {@code merge} (which starts from saved results instead of running replications).
 */
final class Pipeline {
    private Pipeline() {
    }

    /** Where a report goes when no --out is given: {@code reports/NAME-<yyyyMMdd-HHmmss>}. */
    static Path defaultReportFolder(String name) {
        return defaultReportFolder(name, List.of());
    }

    /**
     * Where a report goes when no --out is given: {@code reports/NAME-<yyyyMMdd-HHmmss>}, with the what-if
     * overrides in the name so a what-if is not taken for the base run ({@code
     * reports/NAME+raid.level=raid6-<yyyyMMdd-HHmmss>}), and {@code -2}, {@code -3}, ... when that exists (two runs
     * within one second); see also {@link #publish}.
     */
    static Path defaultReportFolder(String name, List<String> overrides) {
        StringBuilder folder = new StringBuilder(name);
        for (String set : overrides) {
            int eq = set.indexOf('=');
            String key = eq < 0 ? set : set.substring(0, eq);
            // The last two parts of the key say enough (storage.raid.level -> raid.level) and keep names short.
            String[] parts = key.split("\\.");
            String shortKey = parts.length <= 2 ? key : parts[parts.length - 2] + "." + parts[parts.length - 1];
            folder.append('+').append(shortKey).append(eq < 0 ? "" : "=" + set.substring(eq + 1));
        }
        String safe = folder.toString().replaceAll("[^A-Za-z0-9_.=+-]", "_");
        if (safe.length() > 120) {
            safe = safe.substring(0, 120);
        }
        return unused(Path.of("reports", safe + "-" + java.time.LocalDateTime.now()
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
    }

    private static Path unused(Path base) {
        Path candidate = base;
        for (int i = 2; java.nio.file.Files.exists(candidate, java.nio.file.LinkOption.NOFOLLOW_LINKS); i++) {
            candidate = base.resolveSibling(base.getFileName() + "-" + i);
        }
        return candidate;
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

        /**
         * The --set overrides that make this run a what-if: not seed and replications (recorded on their own), nor
         * the event budget (it changes no result).
         */
        List<String> whatIfs() {
            return sets.stream().filter(s -> !s.startsWith("replications=") && !s.startsWith("seed=")
                    && !s.startsWith(org.mailsim.scenario.Schema.MAX_EVENTS.path() + "=")).toList();
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

        /** The estimator the scenario asks for (key {@code estimator}, which --estimator overrides). */
        Estimator estimator() {
            return Estimator.byKey(scenario.string(Schema.ESTIMATOR));
        }

        /**
         * The rare-event estimate of P(data loss) this run asks for, or null when the estimator is plain, or auto
         * and the plain replications saw enough losses ({@link Estimator#AUTO_MIN_LOSSES}), or auto and the
         * storage has something the rare-event estimator cannot handle (said on {@code stderr}).
         *
         * @throws IllegalArgumentException when the estimator is rare and the storage cannot be handled
         */
        DurabilityEstimate durability(long replicationsWithLoss, int threads, double maxSeconds, boolean quiet,
                PrintWriter stderr) {
            Estimator estimator = estimator();
            if (!estimator.wantsRare(replicationsWithLoss)) {
                return null;
            }
            DurabilityEstimator.Settings settings = DurabilityEstimator.Settings.defaults(threads)
                    .withPrecision(scenario.number(Schema.PRECISION)).withMaxSeconds(maxSeconds);
            try {
                if (!quiet) {
                    stderr.println("rare-event estimate of P(data loss)" + (estimator == Estimator.AUTO
                            ? " (auto: the plain replications saw " + replicationsWithLoss + " losses)" : "")
                            + " ...");
                    stderr.flush();
                }
                return DurabilityEstimator.estimate(spec.storage(), spec.horizon(), spec.seed(), settings);
            } catch (IllegalArgumentException e) {
                if (estimator == Estimator.RARE) {
                    throw e;
                }
                stderr.println("mailsim: estimator auto keeps the plain estimate: " + e.getMessage());
                stderr.flush();
                return null;
            }
        }

        /**
         * The run's result with the rare-event estimate of P(data loss) in its report, when the scenario's
         * estimator asks for one (see {@link #durability}); otherwise {@code result} itself.
         */
        Result withDurability(Result result, int threads, double maxSeconds, boolean quiet, PrintWriter stderr) {
            DurabilityEstimate d = durability(result.outcome().statistics().replicationsWithLoss(), threads, maxSeconds,
                    quiet, stderr);
            if (d == null) {
                return result;
            }
            RunReport plain = result.report();
            return report(result.outcome(), plain.threads(), plain.wallClockSeconds() + d.wallSeconds(),
                    plain.command(), d);
        }

        /** Describes an outcome (run here, or merged from saved results) as the run's report. */
        Result report(PortalExperiment.Outcome outcome, int threads, double seconds, String command) {
            return report(outcome, threads, seconds, command, null);
        }

        /** As {@link #report(PortalExperiment.Outcome, int, double, String)}, with a rare-event estimate (or null). */
        Result report(PortalExperiment.Outcome outcome, int threads, double seconds, String command,
                DurabilityEstimate durability) {
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
                    .durability(durability)
                    .overrides(whatIfs())
                    .currency(spec.costs().currency())
                    .build();
            return new Result(outcome, report);
        }
    }

    record Result(PortalExperiment.Outcome outcome, RunReport report) {
    }

    /**
     * Refuses, before minutes of work, a report folder that could not be written at the end: one that exists and
     * may not be replaced (without --force, or not a mailsim report), the root folder, or one under a folder that
     * is read-only or is a file.
     *
     * @throws InvalidInputException saying why
     */
    static void checkReportTarget(Path target, boolean force) {
        if (target == null) {
            return;
        }
        checkWritable(target, "report folder");
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            String refusal;
            try {
                refusal = !Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        ? "exists and is not a folder; not replacing it" : ReportFolder.refusal(target, force);
            } catch (IOException e) {
                refusal = "cannot be read (" + e.getMessage() + ")";
            }
            if (refusal != null) {
                throw new InvalidInputException(target + ": " + refusal);
            }
        }
    }

    /**
     * Refuses an output path that cannot be written: the root folder, or a path whose nearest existing folder is
     * a file or read-only. Checked before a run, so a mistake costs seconds, not the run.
     */
    static void checkWritable(Path target, String what) {
        Path absolute = target.toAbsolutePath().normalize();
        if (absolute.getParent() == null || absolute.getFileName() == null) {
            throw new InvalidInputException(target + ": the root folder cannot be a " + what
                    + "; accepted: a new folder name, e.g. --out reports/my-run");
        }
        Path existing = absolute.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new InvalidInputException(target + ": " + existing + " is a file, not a folder");
        }
        if (!Files.isWritable(existing)) {
            throw new InvalidInputException(target + ": cannot write in " + existing + " (read-only or permission"
                    + " denied); accepted: a " + what + " where you may write");
        }
    }

    /**
     * How {@code run} and {@code merge} end: the report folder (none when {@code target} is null), then the
     * summary on stdout, the table or exactly one JSON document. Returns the exit code.
     */
    static int publish(String commandName, Result result, Path target, boolean force, boolean defaultTarget,
            RunCommand.Format format, boolean quiet, PrintWriter stdout, PrintWriter stderr) {
        if (target != null) {
            try {
                Path written = defaultTarget ? writeUnique(result, target) : ReportFolder.write(result.report(), target,
                        force);
                if (!quiet) {
                    stderr.println("report: " + written.resolve("index.html"));
                }
            } catch (FileAlreadyExistsException e) {
                throw new InvalidInputException(e.getMessage());
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

    /** A default report folder: another run may take the name meanwhile, then the next free one is used. */
    private static Path writeUnique(Result result, Path target) throws IOException {
        Path candidate = target;
        for (int attempt = 0; ; attempt++) {
            try {
                return ReportFolder.write(result.report(), candidate, false);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 20) {
                    throw e;
                }
                candidate = unused(target);
            }
        }
    }

    /** A word as a POSIX shell reads it back: as is when safe, else in single quotes. */
    static String quote(String word) {
        return word.matches("[A-Za-z0-9_./=:,+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}

package org.mailsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.mailsim.files.InputFiles;
import org.mailsim.portal.PortalExperiment;
import org.mailsim.run.ReplicationRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mailsim merge SCENARIO PART...}: combines the saved results of a run spread over machines ({@code mailsim
 * run --shard I/N --results-out PART}) into the report the run would have written on one machine, byte for byte
 * in its data files and JSON. The parts must come from this scenario bound the same way (same --set values, seed
 * and replications), from one mailsim version, and together hold every replication exactly once; they are read one
 * after the other in replication order, so memory does not grow with the run.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merge the results of a run spread over machines (mailsim run --shard I/N --results-out "
                + "PART) into the run's report, identical to a run on one machine.",
                "Pass the scenario and the same --set, --seed and --replications as the shard runs.",
                "Exit codes: 0 success, 2 invalid input (parts of another run, missing or duplicated replications), "
                        + "1 failure."})
public final class MergeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML) the parts were run from.")
    private Path file;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PART",
            description = "Results files written by mailsim run --results-out, in any order.")
    private List<Path> parts = new ArrayList<>();

    /** --set, --replications and --seed: as given to the shard runs. */
    @Mixin
    private ScenarioOptions scenario = new ScenarioOptions();

    @Mixin
    private ReportOptions report = new ReportOptions();

    /** A part with its header. */
    private record Part(Path file, ResultsPart.Header header, int order) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Pipeline.Loaded loaded = Pipeline.load(file, scenario.overrides());
        Path target = report.target(loaded.spec().name(), loaded.whatIfs());
        long start = System.nanoTime();
        List<Part> read = new ArrayList<>();
        for (Path part : parts) {
            try {
                read.add(new Part(part, ResultsPart.Reader.header(part), read.size()));
            } catch (ResultsPart.InvalidPartException e) {
                throw new InvalidInputException(List.of(e.getMessage()));
            } catch (NoSuchFileException e) {
                throw new InvalidInputException(List.of(part + ": no such file"));
            } catch (IOException e) {
                throw new InvalidInputException(List.of(part + ": cannot read it (" + InputFiles.reason(e) + ")"));
            }
        }
        ResultsPart.Header expected = ResultsPart.Header.of(loaded, Shard.WHOLE, Main.version());
        List<String> problems = new ArrayList<>();
        for (Part part : read) {
            String difference = difference(part.header(), expected);
            if (difference != null) {
                problems.add(part.file() + ": not a part of this run: " + difference);
            }
        }
        if (!problems.isEmpty()) {
            problems.add("merge with the scenario file and the --set, --seed and --replications values the parts "
                    + "were run with");
            throw new InvalidInputException(problems);
        }
        // Replications of one seed can differ between versions of the model: the parts must agree. The merge
        // itself only folds them, so another version here is worth a warning, not a refusal.
        String version = read.get(0).header().version();
        for (Part part : read) {
            if (!part.header().version().equals(version)) {
                problems.add(part.file() + ": written by mailsim " + part.header().version() + ", but "
                        + read.get(0).file() + " by mailsim " + version + "; run every shard with one version");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!version.equals(expected.version())) {
            stderr.println("mailsim merge: warning: the parts were written by mailsim " + version + ", this is mailsim "
                    + expected.version());
        }
        List<Part> ordered = new ArrayList<>(read);
        ordered.sort(Comparator.comparingInt((Part p) -> p.header().first()).thenComparingInt(Part::order));
        problems.addAll(coverage(ordered, expected.replications()));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        PortalExperiment.Merge merge = new PortalExperiment.Merge(loaded.spec());
        ReplicationRunner.Progress progress = ProgressBar.forTerminal(report.quiet);
        int total = expected.replications();
        int done = 0;
        for (Part part : ordered) {
            try (ResultsPart.Reader reader = ResultsPart.Reader.open(part.file())) {
                while (reader.hasNext()) {
                    merge.add(reader.next());
                    progress.completed(++done, total);
                }
            } catch (ResultsPart.InvalidPartException e) {
                throw new InvalidInputException(List.of(e.getMessage()));
            } catch (IOException e) {
                throw new InvalidInputException(List.of(part.file() + ": cannot read it (" + InputFiles.reason(e) + ")"));
            }
        }
        Pipeline.Result result = loaded.report(merge.outcome(), 1, (System.nanoTime() - start) / 1e9,
                loaded.command());
        try {
            // The parts carry plain replications only; a scenario asking for the rare-event estimate gets it
            // here, with the run's seed, so the merged report has the figures the whole run would have had.
            result = loaded.withDurability(result, org.mailsim.run.ReplicationRunner.defaultThreads(), Double.POSITIVE_INFINITY, report.quiet,
                    stderr);
        } catch (IllegalArgumentException e) {
            stderr.println("mailsim merge: estimator rare: " + e.getMessage());
            stderr.flush();
            return Main.EXIT_INVALID_INPUT;
        }
        if (!report.quiet) {
            stderr.println("merged " + ordered.size() + " part" + (ordered.size() == 1 ? "" : "s")
                    + ": replications 0.." + (total - 1));
        }
        return report.publish("merge", result, target, stdout, stderr);
    }

    /** How a part's header differs from the run bound here, or null when it belongs to it. */
    private static String difference(ResultsPart.Header part, ResultsPart.Header here) {
        List<String> d = new ArrayList<>();
        if (!part.scenario().equals(here.scenario())) {
            d.add("results of scenario '" + part.scenario() + "', not '" + here.scenario() + "'");
        }
        if (part.seed() != here.seed()) {
            d.add("seed " + part.seed() + " there, " + here.seed() + " here");
        }
        if (part.replications() != here.replications()) {
            d.add(part.replications() + " replications there, " + here.replications() + " here");
        }
        if (d.isEmpty() && !part.scenarioHash().equals(here.scenarioHash())) {
            d.add(part.overrides().equals(here.overrides())
                    ? "the scenario was bound differently there (has the scenario file, or a file it extends, changed?)"
                    : "the scenario was bound differently there (run with " + describe(part.overrides())
                            + "; here " + describe(here.overrides()) + ")");
        }
        return d.isEmpty() ? null : String.join("; ", d);
    }

    private static String describe(List<String> overrides) {
        if (overrides.isEmpty()) {
            return "no --set";
        }
        List<String> words = new ArrayList<>();
        overrides.forEach(o -> words.add("--set " + o));
        return String.join(" ", words);
    }

    /** Every replication 0 .. total-1 in exactly one part: what is missing, and which parts overlap. */
    private static List<String> coverage(List<Part> ordered, int total) {
        List<String> problems = new ArrayList<>();
        int next = 0;
        Part furthest = null;
        for (Part part : ordered) {
            ResultsPart.Header h = part.header();
            if (h.first() > next) {
                problems.add(missing(next, h.first() - 1, ordered));
            } else if (h.first() < next) {
                boolean sameFile = part.file().toAbsolutePath().normalize()
                        .equals(furthest.file().toAbsolutePath().normalize());
                problems.add(sameFile ? part.file() + " is given twice"
                        : part.file() + " (replications " + h.range() + ") and " + furthest.file()
                                + " (replications " + furthest.header().range() + ") both hold replications "
                                + h.first() + ".." + Math.min(h.last(), furthest.header().last())
                                + "; give each shard once");
            }
            if (h.last() + 1 > next) {
                next = h.last() + 1;
                furthest = part;
            }
        }
        if (next < total) {
            problems.add(missing(next, total - 1, ordered));
        }
        return problems;
    }

    /** "no part holds replications A..B", naming the shards that would, when the parts agree on how they split. */
    private static String missing(int first, int last, List<Part> parts) {
        String message = "no part holds replications " + first + ".." + last;
        int count = -1;
        for (Part part : parts) {
            int n;
            try {
                n = Shard.parse(part.header().shard()).count();
            } catch (IllegalArgumentException e) {
                return message;
            }
            if (count != -1 && n != count) {
                return message;
            }
            count = n;
        }
        int replications = parts.get(0).header().replications();
        List<String> shards = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Shard s = new Shard(i, count);
            int a = s.first(replications);
            if (a >= first && a + s.size(replications) - 1 <= last) {
                shards.add(s.toString());
            }
        }
        return shards.isEmpty() ? message
                : message + " (shard" + (shards.size() == 1 ? " " : "s ") + String.join(", ", shards)
                        + ": run it with --shard and merge again)";
    }
}

package org.mailsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.mailsim.report.replay.ReplayFolder;
import org.mailsim.report.replay.ReplayJson;
import org.mailsim.report.replay.ReplayReport;
import org.mailsim.report.replay.ReplayTable;
import org.mailsim.report.replay.ReplayVariant;
import org.mailsim.report.replay.ReportedTimeline;
import org.mailsim.run.ReplicationRunner;
import org.mailsim.scenario.Problem;
import org.mailsim.scenario.ScenarioException;
import org.mailsim.scenario.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mailsim replay NAME}: runs a real outage's scenario (scenarios/NAME.yaml) and every what-if beside it
 * (scenarios/NAME/*.yaml, in file-name order), and writes one postmortem report folder comparing them with the
 * reported timeline. Every scenario is loaded and checked before anything runs.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay a real outage and its what-ifs (scenarios/NAME.yaml and scenarios/NAME/*.yaml) and "
                + "write one postmortem report (index.html, a timeline per variant, replay.csv, replay.json).",
                "Exit codes: 0 success, 2 invalid input, 1 failure."})
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME",
            description = "Replay name (e.g. dreamwiz-2008, gmail-2011, daum-2022), or the base scenario's file.")
    private String name;

    @Option(names = "--scenarios", paramLabel = "DIR", defaultValue = "scenarios",
            description = "Folder the replay NAME is looked up in (default: scenarios).")
    private Path scenarios;

    /** --set, --replications and --seed, for every variant. */
    @Mixin
    private ScenarioOptions scenario = new ScenarioOptions();

    @Mixin
    private ThreadsOption threads = new ThreadsOption();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Report folder (default: reports/replay-NAME-<date-time>).")
    private Path out;

    @Option(names = "--force", description = "Replace an existing report folder.")
    private boolean force;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table (default) or json (stdout is then exactly replay.json).")
    private RunCommand.Format format;

    @Option(names = "--quiet", description = "No progress, no notes on stderr.")
    private boolean quiet;

    private final ReplicationEngine engine;

    /** The command as registered in {@link Main}: replications run on this machine's threads. */
    public ReplayCommand() {
        this(ReplicationEngine.LOCAL);
    }

    /** The command with replications computed elsewhere (a cluster); options, checks and report are the same. */
    public ReplayCommand(ReplicationEngine engine) {
        this.engine = engine;
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        int threadCount = threads.count();
        if (!Files.isDirectory(scenarios) && scenarios.equals(Path.of("scenarios"))
                && System.getenv("MAILSIM_HOME") != null) {
            // Run through the ./mailsim launcher from another folder: use the library beside the launcher.
            scenarios = Path.of(System.getenv("MAILSIM_HOME"), "scenarios");
        }
        Path base = name.endsWith(".yaml") ? Path.of(name) : scenarios.resolve(name + ".yaml");
        if (!Files.isRegularFile(base)) {
            throw new InvalidInputException("no replay " + name + ": " + base + " does not exist" + available());
        }
        String replay = base.getFileName().toString().replaceFirst("\\.yaml$", "");
        List<Path> files = new ArrayList<>();
        files.add(base);
        Path whatIfs = base.resolveSibling(replay);
        if (Files.isDirectory(whatIfs)) {
            try (Stream<Path> list = Files.list(whatIfs)) {
                list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().forEach(files::add);
            } catch (IOException e) {
                stderr.println("mailsim replay: cannot list " + whatIfs + ": " + e.getMessage());
                stderr.flush();
                return Main.EXIT_FAILURE;
            }
        }
        List<String> overrides = scenario.overrides();
        List<Pipeline.Loaded> loaded = new ArrayList<>();
        boolean invalid = false;
        for (Path file : files) {
            try {
                loaded.add(Pipeline.load(file, overrides));
            } catch (ScenarioException e) {
                for (Problem p : e.problems()) {
                    stderr.println(p.format());
                }
                invalid = true;
            }
        }
        if (invalid) {
            stderr.flush();
            return Main.EXIT_INVALID_INPUT;
        }
        Path target = out != null ? out : Pipeline.defaultReportFolder("replay-" + replay);
        Pipeline.checkReportTarget(target, force);

        ReportedTimeline reported = ReportedTimeline.from(loaded.get(0).scenario());
        List<ReplayVariant> variants = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            Pipeline.Loaded l = loaded.get(i);
            String whatIf = i == 0 ? "base" : l.file().getFileName().toString().replaceFirst("\\.yaml$", "");
            if (!quiet) {
                stderr.println("replay " + replay + ": " + whatIf + " (" + l.spec().replications()
                        + " replications)");
                stderr.flush();
            }
            Pipeline.Result result = l.run(engine, threadCount, ReplicationRunner.Progress.NONE);
            String description = l.scenario().has(Schema.DESCRIPTION) ? l.scenario().string(Schema.DESCRIPTION)
                    : "";
            try {
                variants.add(ReplayVariant.of(whatIf, description, l.file().toString(), result.report(), reported,
                        failures(l.scenario())));
            } catch (IllegalArgumentException e) {
                stderr.println("mailsim replay: " + e.getMessage());
                stderr.flush();
                return Main.EXIT_FAILURE;
            }
        }
        ReplayReport report = new ReplayReport(replay, Main.version(), command(), reported, variants);
        try {
            Path written = ReplayFolder.write(report, target, force);
            if (!quiet) {
                stderr.println("report: " + written.resolve("index.html"));
            }
        } catch (FileAlreadyExistsException e) {
            throw new InvalidInputException(e.getMessage());
        } catch (IOException e) {
            stderr.println("mailsim replay: cannot write the report to " + target + ": " + e.getMessage());
            stderr.flush();
            return Main.EXIT_FAILURE;
        }
        stdout.print(format == RunCommand.Format.json ? ReplayJson.toJson(report) : ReplayTable.render(report));
        stdout.flush();
        stderr.flush();
        return Main.EXIT_OK;
    }

    private String command() {
        List<String> words = new ArrayList<>(List.of("mailsim", "replay", name));
        if (!scenarios.equals(Path.of("scenarios"))) {
            words.add("--scenarios");
            words.add(scenarios.toString());
        }
        for (String set : scenario.sets) {
            words.add("--set");
            words.add(set);
        }
        if (scenario.replications != null) {
            words.add("--replications");
            words.add(scenario.replications.toString());
        }
        if (scenario.seed != null) {
            words.add("--seed");
            words.add(scenario.seed.toString());
        }
        return String.join(" ", words);
    }

    /** The replays in the scenarios folder, for the message when a name is not found. */
    private String available() {
        if (!Files.isDirectory(scenarios)) {
            return " (no folder " + scenarios + "; pass --scenarios DIR)";
        }
        try (Stream<Path> list = Files.list(scenarios)) {
            List<String> names = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
            return names.isEmpty() ? "" : "; scenarios in " + scenarios + ": " + String.join(", ", names);
        } catch (IOException e) {
            return "";
        }
    }

    /** The scenario's scripted faults, in words, for the timeline's chain of events. */
    static List<ReplayVariant.Failure> failures(org.mailsim.scenario.Scenario scenario) {
        List<ReplayVariant.Failure> out = new ArrayList<>();
        for (org.mailsim.scenario.Section f : scenario.items(Schema.FAULTS)) {
            int group = f.is(Schema.FAULTS_GROUP, "all") ? -1 : f.intValue(Schema.FAULTS_GROUP);
            String where = group < 0 ? "every group" : "group " + group;
            String what = switch (f.string(Schema.FAULTS_KIND)) {
                case "disk-failure" -> {
                    int disk = f.intValue(Schema.FAULTS_DISK);
                    int disks = f.intValue(Schema.FAULTS_DISKS);
                    yield (disks == 1 ? "disk " + disk : "disks " + disk + "-" + (disk + disks - 1)) + " of "
                            + where + " array " + f.intValue(Schema.FAULTS_ARRAY) + " fail" + (disks == 1 ? "s" : "");
                }
                case "array-loss" -> "array " + f.intValue(Schema.FAULTS_ARRAY) + " of " + where + " lost";
                case "group-outage" -> where + " offline";
                case "tier-outage" -> f.string(Schema.FAULTS_TIER) + " tier down";
                default -> f.string(Schema.FAULTS_KIND);
            };
            out.add(new ReplayVariant.Failure(f.duration(Schema.FAULTS_AT), group, what));
        }
        return out;
    }
}

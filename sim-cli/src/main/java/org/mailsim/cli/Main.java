package org.mailsim.cli;

import java.util.List;
import org.mailsim.scenario.Problem;
import org.mailsim.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mailsim} command. Exit codes: 0 success, 1 failure, 2 invalid input. */
@Command(name = "mailsim",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Discrete-event simulator of mail-storage failures.")
public final class Main {
    /**
     * The subcommands, in the order help lists them (then {@code help}). They are registered by
     * {@link #subcommand(String)}, not in the {@code @Command} annotation, so that a command line naming one of them
     * builds picocli's model of that one only: reading the options of all eight by reflection cost about 0.1 CPU s at
     * every start (an eighth of {@code mailsim run} with one replication).
     */
    static final List<String> SUBCOMMANDS = List.of("run", "merge", "sweep", "validate", "fit", "bench", "replay",
            "compare");

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_INVALID_INPUT = 2;

    public static void main(String[] args) {
        int code;
        try {
            code = execute(args);
        } catch (OutOfMemoryError e) {
            // Errors bypass picocli's handler; say what to do instead of printing a trace.
            System.err.println("mailsim: out of memory: the scenario is too large for this Java heap; use fewer"
                    + " disks, groups or replications at once, or raise the heap (MAILSIM_JAVA_OPTS=-Xmx8g ./mailsim ...)");
            code = EXIT_FAILURE;
        }
        System.exit(code);
    }

    /** Runs the command line and returns its exit code (for tests and embedding). */
    public static int execute(String... args) {
        return commandLineFor(args).execute(args);
    }

    /** The whole command: every subcommand and {@code help}. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        for (String name : SUBCOMMANDS) {
            cli.addSubcommand(subcommand(name));
        }
        cli.addSubcommand(new CommandLine.HelpCommand());
        return configure(cli);
    }

    /**
     * The command for these arguments: when the first names a subcommand, only that one is registered (it parses,
     * helps and fails exactly as in the whole command, which never looks at its siblings); else the whole command
     * ({@code mailsim --help}, {@code mailsim help run}, an unknown subcommand).
     */
    static CommandLine commandLineFor(String... args) {
        if (args.length == 0 || !SUBCOMMANDS.contains(args[0])) {
            return commandLine();
        }
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand(subcommand(args[0]));
        return configure(cli);
    }

    /** A new instance of the subcommand with this name (one of {@link #SUBCOMMANDS}). */
    static Object subcommand(String name) {
        return switch (name) {
            case "run" -> new RunCommand();
            case "merge" -> new MergeCommand();
            case "sweep" -> new SweepCommand();
            case "validate" -> new ValidateCommand();
            case "fit" -> new FitCommand();
            case "bench" -> new BenchCommand();
            case "replay" -> new ReplayCommand();
            case "compare" -> new CompareCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    /**
     * Gives a command line mailsim's exit codes and error handling (one clear line, no stack trace unless
     * MAILSIM_DEBUG is set): for the mailsim command, and for drivers that embed its commands (sim-spark).
     */
    public static CommandLine configure(CommandLine cli) {
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException
                || e instanceof InvalidInputException || e instanceof ScenarioException ? EXIT_INVALID_INPUT
                : EXIT_FAILURE);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // The one place invalid input becomes exit 2: commands throw, never print and return.
            if (e instanceof InvalidInputException invalid) {
                for (String message : invalid.messages()) {
                    commandLine.getErr().println("mailsim " + commandLine.getCommandName() + ": " + message);
                }
                commandLine.getErr().flush();
                return EXIT_INVALID_INPUT;
            }
            if (e instanceof ScenarioException invalid) {
                for (Problem p : invalid.problems()) {
                    commandLine.getErr().println(p.format());
                }
                commandLine.getErr().flush();
                return EXIT_INVALID_INPUT;
            }
            // No stack traces for users: one clear line. MAILSIM_DEBUG=1 shows the trace for developers.
            commandLine.getErr().println("mailsim: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            if (System.getenv("MAILSIM_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return EXIT_FAILURE;
        });
        cli.getCommandSpec().parser().abbreviatedOptionsAllowed(false);
        return cli;
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v != null ? v : "development";
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mailsim " + version()};
        }
    }
}

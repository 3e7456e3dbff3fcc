package org.mailsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line that names one subcommand builds only that one, and behaves as the whole command does. */
class MainTest {
    @Test
    void wholeCommandListsEverySubcommandInOrderThenHelp() {
        List<String> expected = new ArrayList<>(Main.SUBCOMMANDS);
        expected.add("help");
        assertThat(new ArrayList<>(Main.commandLine().getSubcommands().keySet())).isEqualTo(expected);
        for (String name : Main.SUBCOMMANDS) {
            CommandLine.Command annotation = Main.subcommand(name).getClass().getAnnotation(CommandLine.Command.class);
            assertThat(annotation.name()).isEqualTo(name);
        }
    }

    @Test
    void namingASubcommandBuildsThatOneOnly() {
        assertThat(Main.commandLineFor("run", "x.yaml").getSubcommands().keySet()).containsExactly("run");
        assertThat(Main.commandLineFor("bench", "fleet").getSubcommands().keySet()).containsExactly("bench");
        assertThat(Main.commandLineFor("--help").getSubcommands()).hasSize(Main.SUBCOMMANDS.size() + 1);
        assertThat(Main.commandLineFor("help", "run").getSubcommands()).hasSize(Main.SUBCOMMANDS.size() + 1);
        assertThat(Main.commandLineFor("runn").getSubcommands()).hasSize(Main.SUBCOMMANDS.size() + 1);
        assertThat(Main.commandLineFor().getSubcommands()).hasSize(Main.SUBCOMMANDS.size() + 1);
    }

    @Test
    void aLoneSubcommandHelpsAndFailsAsInTheWholeCommand() {
        for (String name : Main.SUBCOMMANDS) {
            for (String[] args : List.of(new String[] {name, "--help"}, new String[] {name, "--no-such-option"},
                    new String[] {name})) {
                assertThat(run(Main.commandLineFor(args), args)).as(String.join(" ", args))
                        .isEqualTo(run(Main.commandLine(), args));
            }
        }
    }

    private static String run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return "exit " + exit + "\nout:\n" + out + "\nerr:\n" + err;
    }
}

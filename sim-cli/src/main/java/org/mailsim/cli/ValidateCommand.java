package org.mailsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mailsim.portal.ScenarioBinding;
import org.mailsim.scenario.Problem;
import org.mailsim.scenario.Scenario;
import org.mailsim.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mailsim validate FILE... [--set k=v]...}: checks scenarios without running them; writes nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check scenario files without running them. Prints FILE: ok, or every problem as"
                + " file:line:column: key.path: what is wrong; what is accepted. Exit 0 when all are valid, 2 when"
                + " any is not.")
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (YAML).")
    private List<Path> files = new ArrayList<>();

    @Mixin
    private ScenarioOptions scenario = new ScenarioOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean allValid = true;
        boolean failed = false;
        for (Path file : files) {
            try {
                // Binding too: what only the model's records can refuse is reported here, not at run time.
                ScenarioBinding.bind(Scenario.load(file, scenario.overrides()));
                out.println(file + ": ok");
            } catch (ScenarioException e) {
                allValid = false;
                for (Problem p : e.problems()) {
                    err.println(p.format());
                }
                err.println(file + ": " + e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems"));
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                // Never a stack trace; a bug here is a failure (exit 1), not the user's invalid input.
                failed = true;
                err.println(file + ": cannot validate (" + e + ")");
            }
        }
        out.flush();
        err.flush();
        return !allValid ? Main.EXIT_INVALID_INPUT : failed ? Main.EXIT_FAILURE : Main.EXIT_OK;
    }
}

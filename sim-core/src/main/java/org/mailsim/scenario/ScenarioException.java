package org.mailsim.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario could not be loaded; carries every problem found (not just the first). Exit code 2 in the CLI. */
public final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public ScenarioException(List<Problem> problems) {
        super(problems.stream().map(Problem::format).collect(Collectors.joining(System.lineSeparator())));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ScenarioException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}

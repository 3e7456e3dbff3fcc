package org.mailsim.scenario.yaml;

import org.mailsim.scenario.Problem;

import org.mailsim.scenario.Location;

/**
 * A scalar as written (its text, before any unit conversion) and what YAML made of it. Typing by the schema works on
 * the text, so {@code 1e-14} (a string to YAML 1.1) still reads as a number where a number is expected.
 */
public record ScalarNode(String text, Kind kind, Location location) implements Node {
    public enum Kind { STRING, NUMBER, BOOLEAN, NULL }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    @Override
    public String describe() {
        return isNull() ? "an empty value" : Problem.quote(text);
    }
}

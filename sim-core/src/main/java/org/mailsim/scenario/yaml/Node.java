package org.mailsim.scenario.yaml;

import org.mailsim.scenario.Location;

/** A YAML node that knows where it was written: a map, a list or a scalar. */
public sealed interface Node permits MapNode, ListNode, ScalarNode {
    Location location();

    /** "a map", "a list", "a number", ... for messages. */
    String describe();
}

package org.mailsim.scenario.yaml;

import java.util.List;
import org.mailsim.scenario.Location;

/** A YAML sequence. */
public record ListNode(List<Node> items, Location location) implements Node {
    public ListNode {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return "a list";
    }
}

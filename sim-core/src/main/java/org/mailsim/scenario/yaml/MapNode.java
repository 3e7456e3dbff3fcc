package org.mailsim.scenario.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mailsim.scenario.Location;

/** A YAML mapping in file order; each entry remembers where its key was written. */
public record MapNode(Map<String, Entry> entries, Location location) implements Node {
    public record Entry(String key, Location keyLocation, Node value) {
    }

    public MapNode {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public Node get(String key) {
        Entry e = entries.get(key);
        return e == null ? null : e.value();
    }

    @Override
    public String describe() {
        return "a map";
    }
}

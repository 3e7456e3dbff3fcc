package org.mailsim.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One point of a sweep's grid.
 *
 * @param index      position in the grid's order (0-based)
 * @param id         {@code c<index>-<overridesHash>}, e.g. {@code c0007-3fa2b1c9}: readable, and unique even
 *                   across edits of the grid
 * @param overrides  swept key path to YAML value text, in the sweep block's key order
 * @param overridesHash first 16 hex digits of SHA-256 over the overrides; names the configuration's state file so a
 *                   resumed (or extended) sweep finds it whatever its index
 */
public record Configuration(int index, String id, Map<String, String> overrides, String overridesHash) {
    public Configuration {
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** The overrides as {@code key.path=value} strings, as {@code --set} takes them. */
    public List<String> asSets() {
        List<String> sets = new ArrayList<>();
        overrides.forEach((k, v) -> sets.add(k + "=" + v));
        return sets;
    }

    /** {@code key=value key=value}, for progress lines and summaries. */
    public String describe() {
        return String.join(" ", asSets());
    }
}

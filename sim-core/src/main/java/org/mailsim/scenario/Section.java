package org.mailsim.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.mailsim.random.Distribution;

/**
 * A typed, read-only view of validated scenario values under a key prefix ({@code ""} for the whole scenario,
 * {@code storage.disk}, {@code faults[2]}). Paths are relative to the prefix. Every value has been validated, so an
 * accessor only fails on a programming error: a key not in the {@link Schema}, the wrong accessor for its type, or
 * reading an optional key without a default that {@link #has} says is absent.
 *
 * <p>Quantities come in mailsim's base units: hours, bytes, bytes/s, files/s, events per hour.
 */
public class Section {
    final Map<String, Value> values;
    private final String prefix;

    Section(Map<String, Value> values, String prefix) {
        this.values = values;
        this.prefix = prefix;
    }

    /** The prefix of this view, e.g. {@code storage.disk} or {@code faults[0]}; empty for the whole scenario. */
    public String prefix() {
        return prefix;
    }

    /** A view of the keys under {@code path} (e.g. {@code storage.disk}); paths given to it are relative. */
    public Section section(String path) {
        return new Section(values, full(path));
    }

    /** True when the key has a value (written, or a default). */
    public boolean has(String path) {
        return values.containsKey(full(path));
    }

    /** True when the key was written (in a file, a base scenario or --set), not left at its default. */
    public boolean isSet(String path) {
        Value v = values.get(full(path));
        return v != null && !v.isDefault();
    }

    /** Where the key's value was written (for messages that point at the file). */
    public Location where(String path) {
        return value(path).where();
    }

    /** The raw validated value. */
    public Value value(String path) {
        String p = full(path);
        Value v = values.get(p);
        if (v == null) {
            String schemaPath = p.replaceAll("\\[\\d+]", "[]");
            if (Schema.SCENARIO.key(schemaPath) == null) {
                throw new IllegalArgumentException("no scenario key " + p + " in the schema");
            }
            throw new IllegalStateException(p + " has no value and no default; check has(\"" + path + "\") first");
        }
        return v;
    }

    /** True when the key holds the given word, e.g. {@code is("horizon", "first-data-loss")}. */
    public boolean is(String path, String word) {
        Value v = values.get(full(path));
        return v != null && word.equals(v.value());
    }

    /** Hours. */
    public double duration(String path) {
        return number(path, ValueType.DURATION);
    }

    /** Bytes. */
    public double size(String path) {
        return number(path, ValueType.SIZE);
    }

    /** Bytes per second. */
    public double bandwidth(String path) {
        return number(path, ValueType.BANDWIDTH);
    }

    /** Files per second. */
    public double fileRate(String path) {
        return number(path, ValueType.FILE_RATE);
    }

    /** Events per hour. */
    public double rate(String path) {
        return number(path, ValueType.RATE);
    }

    /** A number, fraction or probability (percentages already divided by 100), or any quantity in base units. */
    public double number(String path) {
        Object o = value(path).value();
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        throw wrongType(path, "a number");
    }

    /** A whole number. */
    public long integer(String path) {
        Value v = value(path);
        if (v.value() instanceof Long l) {
            return l;
        }
        throw wrongType(path, "a whole number");
    }

    /** A whole number that fits an int (every INT key whose range allows it). */
    public int intValue(String path) {
        return Math.toIntExact(integer(path));
    }

    /** Text, a choice, or a word such as {@code unlimited}. */
    public String string(String path) {
        Object o = value(path).value();
        if (o instanceof String s) {
            return s;
        }
        throw wrongType(path, "text");
    }

    public boolean flag(String path) {
        Object o = value(path).value();
        if (o instanceof Boolean b) {
            return b;
        }
        throw wrongType(path, "true or false");
    }

    public Distribution distribution(String path) {
        Object o = value(path).value();
        if (o instanceof Distribution d) {
            return d;
        }
        throw wrongType(path, "a distribution");
    }

    /** A list of numbers. */
    @SuppressWarnings("unchecked")
    public List<Double> numbers(String path) {
        Value v = value(path);
        if (v.key().type() == ValueType.NUMBER_LIST) {
            return (List<Double>) v.value();
        }
        throw wrongType(path, "a list of numbers");
    }

    /** The items of a list of maps (e.g. {@code faults}), each a view with its defaults filled in; empty if absent. */
    public List<Section> items(String path) {
        String p = full(path);
        Value v = values.get(p);
        if (v == null) {
            if (Schema.SCENARIO.key(p.replaceAll("\\[\\d+]", "[]")) == null) {
                throw new IllegalArgumentException("no scenario key " + p + " in the schema");
            }
            return List.of();
        }
        int n = (Integer) v.value();
        List<Section> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Section(values, p + "[" + i + "]"));
        }
        return Collections.unmodifiableList(out);
    }

    // ---------------------------------------------------------------- by key (the way model code reads values)

    /**
     * The path of {@code key} relative to this view: the whole path on the scenario, the part after the list item
     * on an item ({@code FAULTS_AT} on {@code faults[2]} is {@code at}). A key outside this view is a programming
     * error.
     */
    String relative(Key key) {
        String schemaPrefix = prefix.replaceAll("\\[\\d+]", "[]");
        if (schemaPrefix.isEmpty()) {
            if (key.path().contains("[]")) {
                throw new IllegalArgumentException(key.path() + " is a key of list items; read it from an item");
            }
            return key.path();
        }
        if (!key.path().startsWith(schemaPrefix + ".")) {
            throw new IllegalArgumentException(key.path() + " is not a key under " + prefix);
        }
        return key.path().substring(schemaPrefix.length() + 1);
    }

    /** The full path of {@code key} in this view, e.g. {@code faults[2].at}, for messages. */
    public String path(Key key) {
        return full(relative(key));
    }

    public boolean has(Key key) {
        return has(relative(key));
    }

    public boolean isSet(Key key) {
        return isSet(relative(key));
    }

    public Location where(Key key) {
        return where(relative(key));
    }

    public Value value(Key key) {
        return value(relative(key));
    }

    public boolean is(Key key, String word) {
        return is(relative(key), word);
    }

    public double duration(Key key) {
        return duration(relative(key));
    }

    public double size(Key key) {
        return size(relative(key));
    }

    public double bandwidth(Key key) {
        return bandwidth(relative(key));
    }

    public double fileRate(Key key) {
        return fileRate(relative(key));
    }

    public double rate(Key key) {
        return rate(relative(key));
    }

    public double number(Key key) {
        return number(relative(key));
    }

    public long integer(Key key) {
        return integer(relative(key));
    }

    public int intValue(Key key) {
        return intValue(relative(key));
    }

    public String string(Key key) {
        return string(relative(key));
    }

    public boolean flag(Key key) {
        return flag(relative(key));
    }

    public Distribution distribution(Key key) {
        return distribution(relative(key));
    }

    public List<Double> numbers(Key key) {
        return numbers(relative(key));
    }

    public List<Section> items(Key key) {
        return items(relative(key));
    }

    private double number(String path, ValueType type) {
        Value v = value(path);
        if (v.key().type() != type || !(v.value() instanceof Double d)) {
            throw wrongType(path, type.name().toLowerCase(java.util.Locale.ROOT));
        }
        return d;
    }

    private IllegalArgumentException wrongType(String path, String wanted) {
        Value v = values.get(full(path));
        return new IllegalArgumentException(full(path) + " is " + v.key().type() + " (" + v.value()
                + "), not " + wanted);
    }

    String full(String path) {
        return prefix.isEmpty() ? path : path.isEmpty() ? prefix : prefix + "." + path;
    }
}

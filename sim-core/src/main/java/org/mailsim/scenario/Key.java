package org.mailsim.scenario;

import java.util.List;

/**
 * One scenario key: its path ({@code storage.disk.capacity}; list elements as {@code faults[].at}), type, default
 * (as YAML text, so the documentation shows {@code 10y}, not 87600), range (as text in the key's own units), the
 * words accepted besides the type ({@code first-data-loss}, {@code unlimited}) and a one-line description.
 * Immutable; built fluently in {@link Schema}.
 */
public record Key(String path, ValueType type, String description, boolean mandatory, String defaultText,
        List<String> choices, List<String> words, String min, boolean minExclusive, String max,
        Quantity distributionOf, int listLength, String exclusiveWith) {

    public Key {
        choices = List.copyOf(choices);
        words = List.copyOf(words);
    }

    static Key of(String path, ValueType type, String description) {
        return new Key(path, type, description, false, null, List.of(), List.of(), null, false, null, null, 0, null);
    }

    /** Must be written (in the file, a base it extends, or --set). */
    public Key required() {
        return new Key(path, type, description, true, defaultText, choices, words, min, minExclusive, max,
                distributionOf, listLength, exclusiveWith);
    }

    public Key defaultValue(String yamlText) {
        return new Key(path, type, description, mandatory, yamlText, choices, words, min, minExclusive, max,
                distributionOf, listLength, exclusiveWith);
    }

    /** The words a choice accepts; for a distribution, the families it accepts (default: the general ones). */
    public Key choices(String... allowed) {
        return new Key(path, type, description, mandatory, defaultText, List.of(allowed), words, min, minExclusive,
                max, distributionOf, listLength, exclusiveWith);
    }

    /** Words accepted instead of a value of the type, e.g. {@code unlimited}. */
    public Key orWords(String... accepted) {
        return new Key(path, type, description, mandatory, defaultText, choices, List.of(accepted), min,
                minExclusive, max, distributionOf, listLength, exclusiveWith);
    }

    /** Inclusive range, each bound in the key's units (null for no bound). */
    public Key range(String low, String high) {
        return new Key(path, type, description, mandatory, defaultText, choices, words, low, false, high,
                distributionOf, listLength, exclusiveWith);
    }

    /** Strictly above {@code low}, at most {@code high} (null for no upper bound). */
    public Key above(String low, String high) {
        return new Key(path, type, description, mandatory, defaultText, choices, words, low, true, high,
                distributionOf, listLength, exclusiveWith);
    }

    /** For a distribution: the quantity of its parameters (null: plain numbers). */
    public Key of(Quantity quantity) {
        return new Key(path, type, description, mandatory, defaultText, choices, words, min, minExclusive, max,
                quantity, listLength, exclusiveWith);
    }

    /** For a number list: the exact number of items. */
    public Key length(int n) {
        return new Key(path, type, description, mandatory, defaultText, choices, words, min, minExclusive, max,
                distributionOf, n, exclusiveWith);
    }

    /**
     * The key and {@code other} exclude each other: giving both is an error, and this key's default applies only
     * when {@code other} is absent.
     */
    public Key exclusiveWith(String other) {
        return new Key(path, type, description, mandatory, defaultText, choices, words, min, minExclusive, max,
                distributionOf, listLength, other);
    }

    /** {@link #exclusiveWith(String)} with another key of the schema. */
    public Key exclusiveWith(Key other) {
        return exclusiveWith(other.path());
    }

    /** The last segment of the path. */
    public String name() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** The range in words, e.g. {@code 1 .. 1000} or {@code > 0}; empty when unbounded. */
    public String rangeText() {
        if (min == null && max == null) {
            return "";
        }
        if (max == null) {
            return (minExclusive ? "> " : ">= ") + min;
        }
        if (min == null) {
            return "<= " + max;
        }
        if (!minExclusive && min.equals(max)) {
            return min;
        }
        return minExclusive ? "> " + min + " and <= " + max : min + " .. " + max;
    }

    /** What is accepted, for error messages and documentation. */
    public String accepted() {
        StringBuilder s = new StringBuilder();
        if (type == ValueType.CHOICE) {
            s.append("one of ").append(String.join(", ", choices));
        } else if (type == ValueType.DISTRIBUTION) {
            List<String> families = choices.isEmpty() ? Validator.Family.GENERAL : choices;
            s.append("a distribution block (distribution: ").append(String.join(", ", families))
                    .append(") with parameters in ")
                    .append(distributionOf != null ? distributionOf.baseUnit() + " or any " + distributionOf.article()
                            .substring(2) + " unit" : "plain numbers");
        } else if (type == ValueType.NUMBER_LIST && listLength > 0) {
            s.append("a list of exactly ").append(listLength).append(" numbers");
        } else {
            s.append(type.accepted());
        }
        String range = rangeText();
        if (!range.isEmpty()) {
            s.append(type == ValueType.NUMBER_LIST ? ", each " : ", ").append(range);
        }
        for (String w : words) {
            s.append(", or '").append(w).append("'");
        }
        return s.toString();
    }
}

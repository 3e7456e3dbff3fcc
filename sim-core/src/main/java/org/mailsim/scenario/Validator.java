package org.mailsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.mailsim.Hours;
import org.mailsim.model.storage.disk.BathtubLifetime;
import org.mailsim.model.storage.disk.HazardTableLifetime;
import org.mailsim.random.Distribution;
import org.mailsim.random.Distributions;
import org.mailsim.scenario.yaml.ListNode;
import org.mailsim.scenario.yaml.MapNode;
import org.mailsim.scenario.yaml.Node;
import org.mailsim.scenario.yaml.ScalarNode;

/**
 * Checks a merged tree against the {@link Schema} and converts every value to its type, collecting all problems.
 * Defaults are filled in for keys not written.
 */
final class Validator {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d[\\d_]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final Schema schema;
    private final List<Problem> problems;
    private final Map<String, Value> values = new LinkedHashMap<>();
    /** Paths written with a value, valid or not: an invalid value is reported once, not also as missing. */
    private final java.util.Set<String> written = new java.util.HashSet<>();
    /** Where each section map was written, to point a missing key at its section. */
    private final Map<String, Location> sectionAt = new java.util.HashMap<>();

    Validator(Schema schema, List<Problem> problems) {
        this.schema = schema;
        this.problems = problems;
    }

    Map<String, Value> validate(MapNode root, Location rootLocation) {
        walk(root, "", "");
        presets();
        fillDefaults("", "", rootLocation);
        return values;
    }

    /**
     * The values of each chosen preset ({@code operations.preset}, {@code costs.preset}) for keys the scenario does
     * not write: they take the place of the schema defaults, and are defaults still (written keys override them,
     * and checks of the form "this key does not apply" ignore them).
     */
    private void presets() {
        for (Key k : schema.keys()) {
            if (!Presets.isPresetKey(k)) {
                continue;
            }
            Value chosen = values.get(k.path());
            if (chosen == null && written.contains(k.path())) {
                continue; // an invalid choice, reported already
            }
            String name = chosen != null ? (String) chosen.value() : k.defaultText();
            for (Value v : Presets.values(k, name)) {
                String path = v.key().path();
                String other = v.key().exclusiveWith();
                if (!values.containsKey(path) && !written.contains(path) && !underInvalidSection(path)
                        && (other == null || !written.contains(other))) {
                    values.put(path, v);
                }
            }
        }
    }

    /**
     * Reads a preset file: every value converted as if written in a scenario, each marked as a default. A problem
     * in a preset shipped with mailsim is a bug, so it throws.
     */
    static List<Value> readPreset(MapNode tree, String displayName) {
        List<Problem> bad = new ArrayList<>();
        Validator v = new Validator(Schema.SCENARIO, bad);
        v.walk(tree, "", "");
        if (!bad.isEmpty()) {
            throw new IllegalStateException("bad preset " + displayName + ": " + bad);
        }
        List<Value> out = new ArrayList<>();
        for (Value value : v.values.values()) {
            if (value.key().path().contains("[]") || Presets.isPresetKey(value.key())) {
                throw new IllegalStateException("preset " + displayName + " sets " + value.key().path()
                        + ", which a preset cannot set");
            }
            out.add(new Value(value.key(), value.value(), value.node(), value.where(), true));
        }
        return out;
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    private void problem(Location where, String path, String message) {
        problems.add(Problem.at(where, path, message));
    }

    private void walk(MapNode map, String schemaPrefix, String prefix) {
        sectionAt.put(prefix, map.location());
        for (MapNode.Entry e : map.entries().values()) {
            String schemaPath = join(schemaPrefix, e.key());
            String path = join(prefix, e.key());
            Key key = schema.key(schemaPath);
            Node node = e.value();
            if (!(node instanceof ScalarNode sn && sn.isNull())) {
                written.add(path);
            }
            if (key != null) {
                if (node instanceof ScalarNode s && s.isNull()) {
                    if (key.mandatory()) {
                        problem(s.location(), path, "empty value for a required key; accepted: " + key.accepted());
                    }
                    continue; // null unsets (an inherited value); the default applies
                }
                if (key.type() == ValueType.SECTION_LIST) {
                    items(key, node, schemaPath, path);
                } else {
                    Object v = convert(key, node, path);
                    if (v != null) {
                        values.put(path, new Value(key, v, node, node.location(), false));
                    }
                }
            } else if (schema.isSection(schemaPath)) {
                if (node instanceof MapNode m) {
                    walk(m, schemaPath, path);
                } else if (!(node instanceof ScalarNode s && s.isNull())) {
                    problem(node.location(), path, "expected a map of keys, found " + node.describe()
                            + "; accepted keys: " + String.join(", ", schema.childNames(schemaPath)));
                }
            } else {
                problem(e.keyLocation(), path, unknown(e.key(), schemaPrefix));
            }
        }
    }

    private String unknown(String name, String schemaPrefix) {
        List<String> siblings = schema.childNames(schemaPrefix);
        String near = Suggestions.closest(name, siblings);
        if (near != null) {
            return "unknown key '" + name + "'; did you mean '" + near + "'?";
        }
        if (!schemaPrefix.contains("[]")) {
            // Written in the wrong section? Suggest the full path of a key with this name elsewhere.
            for (String p : schema.topLevelPaths()) {
                String last = p.substring(p.lastIndexOf('.') + 1);
                if (last.equalsIgnoreCase(name) || Suggestions.distance(last.toLowerCase(Locale.ROOT),
                        name.toLowerCase(Locale.ROOT)) <= Math.max(1, name.length() / 4)) {
                    return "unknown key '" + name + "' here; did you mean '" + p + "'?";
                }
            }
        }
        return "unknown key '" + name + "'; accepted here: " + String.join(", ", siblings);
    }

    private void items(Key key, Node node, String schemaPath, String path) {
        if (!(node instanceof ListNode list)) {
            problem(node.location(), path, "expected a list of maps (items written '- key: value'), found "
                    + node.describe());
            return;
        }
        String itemSchema = schemaPath + "[]";
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            String itemPath = path + "[" + i + "]";
            if (item instanceof MapNode m) {
                walk(m, itemSchema, itemPath);
                fillDefaults(itemSchema, itemPath, m.location());
            } else {
                problem(item.location(), itemPath, "expected a map of keys, found " + item.describe()
                        + "; accepted keys: " + String.join(", ", schema.childNames(itemSchema)));
            }
        }
        values.put(path, new Value(key, list.items().size(), node, node.location(), false));
    }

    /** Defaults and required keys directly under {@code schemaPrefix} (recursing into sections, not list items). */
    private void fillDefaults(String schemaPrefix, String prefix, Location sectionLocation) {
        String sp = schemaPrefix.isEmpty() ? "" : schemaPrefix + ".";
        for (Key k : schema.keys()) {
            if (!k.path().startsWith(sp)) {
                continue;
            }
            String rest = k.path().substring(sp.length());
            if (rest.contains("[]")) {
                continue;
            }
            String path = join(prefix, rest);
            if (values.containsKey(path) || written.contains(path) || k.type() == ValueType.SECTION_LIST) {
                continue;
            }
            if (underInvalidSection(path)) {
                continue; // storage: 5 is reported once, not once per key under storage
            }
            if (k.mandatory()) {
                Location at = sectionLocation;
                for (String p = path; p.contains("."); ) {
                    p = p.substring(0, p.lastIndexOf('.'));
                    if (sectionAt.containsKey(p)) {
                        at = sectionAt.get(p);
                        break;
                    }
                }
                problem(at, path, "missing required key; accepted: " + k.accepted());
            } else if (k.defaultText() != null && (k.exclusiveWith() == null
                    || !written.contains(join(prefix, k.exclusiveWith().substring(sp.length()))))) {
                Object v = defaultValue(k);
                values.put(path, new Value(k, v, null, Location.DEFAULT, true));
            }
        }
    }

    private boolean underInvalidSection(String path) {
        for (String p = path; p.contains("."); ) {
            p = p.substring(0, p.lastIndexOf('.'));
            if (written.contains(p) && !sectionAt.containsKey(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A default parsed like a written value; a bad default is a bug in the schema table, so it throws. Most defaults
     * are plain words or numbers with units, which YAML reads back as their own text: those become a scalar without
     * the YAML parser (typing by the schema works on the text alone), which took a fifth of loading a scenario in a
     * fresh JVM (a parser per default, about 70 of them).
     */
    static Object defaultValue(Key k) {
        List<Problem> bad = new ArrayList<>();
        String source = "(default of " + k.path() + ")";
        Node node = YamlText.readsBackAsText(k.defaultText())
                ? new ScalarNode(k.defaultText(), ScalarNode.Kind.STRING, new Location(source, 1, 1))
                : org.mailsim.scenario.yaml.YamlReader.read(k.defaultText(), source, bad);
        Object v = node == null ? null : new Validator(Schema.SCENARIO, bad).convert(k, node, k.path());
        if (v == null || !bad.isEmpty()) {
            throw new IllegalStateException("bad default for " + k.path() + ": " + bad);
        }
        return v;
    }

    // ---------------------------------------------------------------- conversion

    /** The typed value of {@code node} for {@code key}, or null after adding a problem. */
    Object convert(Key key, Node node, String path) {
        if (node instanceof ScalarNode s && !s.isNull() && key.words().contains(s.text())) {
            return s.text();
        }
        switch (key.type()) {
            case DISTRIBUTION:
                return distribution(key, node, path);
            case NUMBER_LIST:
                return numberList(key, node, path);
            case SWEEP:
                return sweep(node, path);
            case SECTION_LIST:
                throw new AssertionError(path);
            default:
                break;
        }
        if (!(node instanceof ScalarNode s) || s.isNull()) {
            problem(node.location(), path, "expected a single value, found " + node.describe() + "; accepted: "
                    + key.accepted());
            return null;
        }
        try {
            Object v = scalar(key, s.text());
            if (v instanceof Double || v instanceof Long) {
                String outside = outside(key, ((Number) v).doubleValue());
                if (outside != null) {
                    problem(s.location(), path, Problem.quote(s.text()) + " is " + outside + "; accepted: "
                            + key.accepted());
                    return null;
                }
            }
            if (path.equals("name") && !NAME.matcher((String) v).matches()) {
                problem(s.location(), path, Problem.quote(s.text()) + " cannot name a report folder; accepted: letters,"
                        + " digits, '.', '_' and '-', starting with a letter or digit, at most 100 characters");
                return null;
            }
            return v;
        } catch (IllegalArgumentException e) {
            problem(s.location(), path, e.getMessage());
            return null;
        }
    }

    /** Converts scalar text; throws IllegalArgumentException with "what is wrong; what is accepted". */
    private static Object scalar(Key key, String text) {
        ValueType type = key.type();
        if (type.quantity() != null) {
            try {
                return Units.parse(type.quantity(), text);
            } catch (Units.UnitException e) {
                throw withWords(key, e.getMessage());
            }
        }
        switch (type) {
            case STRING:
                return text;
            case CHOICE: {
                if (key.choices().contains(text)) {
                    return text;
                }
                String near = Suggestions.closest(text, key.choices());
                throw new IllegalArgumentException(Problem.quote(text) + " is not accepted" + (near != null
                        ? " (did you mean '" + near + "'?)" : "") + "; accepted: " + key.accepted());
            }
            case BOOLEAN:
                if (text.equals("true") || text.equals("false")) {
                    return Boolean.valueOf(text);
                }
                throw new IllegalArgumentException(Problem.quote(text) + " is not true or false; accepted: true, false");
            case INT: {
                if (INTEGER.matcher(text).matches()) {
                    try {
                        return Long.parseLong(text.replace("_", ""));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(Problem.quote(text) + " is too large; accepted: "
                                + key.accepted());
                    }
                }
                throw new IllegalArgumentException(Problem.quote(text) + " is not a whole number; accepted: "
                        + key.accepted());
            }
            case NUMBER:
                return plainNumber(key, text);
            case FRACTION:
            case PROBABILITY: {
                String t = text.strip();
                if (t.endsWith("%")) {
                    return plainNumber(key, t.substring(0, t.length() - 1).strip()) / 100;
                }
                return plainNumber(key, t);
            }
            default:
                throw new AssertionError(type);
        }
    }

    private static IllegalArgumentException withWords(Key key, String message) {
        return new IllegalArgumentException(message.replace("; expected ", "; accepted: ") + words(key));
    }

    private static String words(Key key) {
        StringBuilder s = new StringBuilder();
        for (String w : key.words()) {
            s.append(", or '").append(w).append("'");
        }
        return s.toString();
    }

    private static double plainNumber(Key key, String text) {
        try {
            double v = Double.parseDouble(text.replace("_", ""));
            if (!Double.isFinite(v) || text.strip().matches("(?i)[+-]?(nan|infinity)")) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Problem.quote(text) + " is not a number; accepted: " + key.accepted());
        }
    }

    /** Null when within the key's range, else "below the minimum" / "above the maximum". */
    private static String outside(Key key, double v) {
        if (key.min() != null) {
            double min = bound(key, key.min());
            if (key.minExclusive() ? !(v > min) : !(v >= min)) {
                return key.minExclusive() ? "not above " + key.min() : "below the minimum " + key.min();
            }
        }
        if (key.max() != null && !(v <= bound(key, key.max()))) {
            return "above the maximum " + key.max();
        }
        return null;
    }

    private static double bound(Key key, String text) {
        ValueType t = key.type() == ValueType.NUMBER_LIST ? ValueType.NUMBER : key.type();
        Object b = scalar(Key.of(key.path(), t, ""), text);
        return ((Number) b).doubleValue();
    }

    private List<Double> numberList(Key key, Node node, String path) {
        if (!(node instanceof ListNode list)) {
            problem(node.location(), path, "expected a list, found " + node.describe() + "; accepted: "
                    + key.accepted());
            return null;
        }
        if (key.listLength() > 0 && list.items().size() != key.listLength()) {
            problem(node.location(), path, "has " + list.items().size() + " items; accepted: " + key.accepted());
            return null;
        }
        List<Double> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            Key element = Key.of(key.path(), ValueType.NUMBER, "").range(key.min(), key.max());
            Object v = convert(element, item, path + "[" + i + "]");
            if (v == null) {
                ok = false;
            } else {
                out.add((Double) v);
            }
        }
        return ok ? List.copyOf(out) : null;
    }

    // ---------------------------------------------------------------- distributions

    /**
     * Distribution families and their parameters: q = in the key's quantity, n = plain number, l = list of q,
     * f = list of fractions; a trailing ? marks an optional parameter. Bathtub and hazardTable are lifetimes: a key
     * accepts them only when its schema entry lists them among its families.
     */
    enum Family {
        DETERMINISTIC("deterministic", "value:q"),
        EXPONENTIAL("exponential", "mean:q"),
        WEIBULL("weibull", "shape:n", "scale:q", "location:q?"),
        LOGNORMAL("lognormal", "median:q?", "mu:n?", "sigma:n"),
        UNIFORM("uniform", "low:q", "high:q"),
        EMPIRICAL("empirical", "values:l"),
        BATHTUB("bathtub", "infantShape:n", "infantScale:q", "usefulLifeMean:q?", "wearShape:n", "wearScale:q",
                "wearLocation:q?"),
        HAZARD_TABLE("hazardTable", "ages:l", "afr:f");

        /** The families a distribution key accepts when its schema entry lists none. */
        static final List<String> GENERAL = List.of("deterministic", "exponential", "weibull", "lognormal",
                "uniform", "empirical");

        final String word;
        final Map<String, String> params = new LinkedHashMap<>();

        Family(String word, String... specs) {
            this.word = word;
            for (String s : specs) {
                String[] p = s.split(":");
                params.put(p[0], p[1]);
            }
        }

        String word() {
            return word;
        }

        /** The families {@code key} accepts. */
        static List<String> words(Key key) {
            return key.choices().isEmpty() ? GENERAL : key.choices();
        }
    }

    private Distribution distribution(Key key, Node node, String path) {
        Quantity q = key.distributionOf();
        if (node instanceof ScalarNode s && !s.isNull()) {
            // A bare value is shorthand for a deterministic distribution: rebuild.time: 12h.
            if (!Family.words(key).contains("deterministic")) {
                problem(s.location(), path, "expected a distribution block, found a single value; accepted: "
                        + key.accepted());
                return null;
            }
            Double v = parameter(q, s, path, key);
            return v == null ? null : build(() -> Distributions.deterministic(v), node, path, key);
        }
        if (!(node instanceof MapNode map)) {
            problem(node.location(), path, "expected a distribution block, found " + node.describe()
                    + "; accepted: " + key.accepted());
            return null;
        }
        Node familyNode = map.get("distribution");
        if (!(familyNode instanceof ScalarNode fs) || fs.isNull()) {
            problem(map.location(), path, "missing 'distribution:' in the block; accepted: "
                    + String.join(", ", Family.words(key)));
            return null;
        }
        Family family = null;
        for (Family f : Family.values()) {
            if (f.word().equals(fs.text())) {
                family = f;
            }
        }
        if (family == null) {
            String near = Suggestions.closest(fs.text(), Family.words(key));
            problem(fs.location(), path + ".distribution", "unknown distribution '" + fs.text() + "'"
                    + (near != null ? " (did you mean '" + near + "'?)" : "") + "; accepted: "
                    + String.join(", ", Family.words(key)));
            return null;
        }
        if (!Family.words(key).contains(family.word())) {
            problem(fs.location(), path + ".distribution", "'" + family.word() + "' is not accepted for "
                    + path.replaceAll("\\[\\d+]", "[]") + "; accepted: " + String.join(", ", Family.words(key))
                    + (family == Family.BATHTUB || family == Family.HAZARD_TABLE ? " (" + family.word()
                    + " is a disk lifetime)" : ""));
            return null;
        }
        Map<String, Object> p = new LinkedHashMap<>();
        boolean ok = true;
        for (MapNode.Entry e : map.entries().values()) {
            if (e.key().equals("distribution")) {
                continue;
            }
            String kind = family.params.get(e.key());
            String paramPath = path + "." + e.key();
            if (kind == null) {
                String near = Suggestions.closest(e.key(), family.params.keySet());
                problem(e.keyLocation(), paramPath, family.word() + " has no parameter '" + e.key() + "'"
                        + (near != null ? " (did you mean '" + near + "'?)" : "") + "; accepted: "
                        + String.join(", ", family.params.keySet()));
                ok = false;
                continue;
            }
            Object v;
            if (kind.startsWith("l")) {
                v = valuesList(q, e.value(), paramPath, key);
            } else if (kind.startsWith("f")) {
                v = valuesList(null, e.value(), paramPath, key);
            } else if (e.value() instanceof ScalarNode s && !s.isNull()) {
                v = parameter(kind.startsWith("q") ? q : null, s, paramPath, key);
            } else {
                problem(e.value().location(), paramPath, "expected a single value, found " + e.value().describe()
                        + "; accepted: " + (kind.startsWith("q") && q != null ? q.article() + " such as "
                        + q.examples() : "a number"));
                v = null;
            }
            if (v == null) {
                ok = false;
            } else {
                p.put(e.key(), v);
            }
        }
        for (Map.Entry<String, String> param : family.params.entrySet()) {
            if (!param.getValue().endsWith("?") && !p.containsKey(param.getKey()) && !map.entries().containsKey(
                    param.getKey())) {
                problem(map.location(), path, family.word() + " needs '" + param.getKey() + "'; accepted: "
                        + family.word() + " with " + String.join(", ", family.params.keySet()));
                ok = false;
            }
        }
        if (family == Family.LOGNORMAL && ok && p.containsKey("median") == p.containsKey("mu")) {
            problem(map.location(), path, "lognormal needs exactly one of 'median' and 'mu'; accepted: median"
                    + " (in the value's unit) or mu (mean of the log), with sigma");
            ok = false;
        }
        if (!ok) {
            return null;
        }
        Family f = family;
        return build(() -> switch (f) {
            case DETERMINISTIC -> Distributions.deterministic((Double) p.get("value"));
            case EXPONENTIAL -> Distributions.exponential((Double) p.get("mean"));
            case WEIBULL -> Distributions.weibull((Double) p.get("shape"), (Double) p.get("scale"),
                    (Double) p.getOrDefault("location", 0.0));
            case LOGNORMAL -> Distributions.logNormal(p.containsKey("mu") ? (Double) p.get("mu")
                    : Math.log((Double) p.get("median")), (Double) p.get("sigma"));
            case UNIFORM -> Distributions.uniform((Double) p.get("low"), (Double) p.get("high"));
            case EMPIRICAL -> {
                @SuppressWarnings("unchecked")
                List<Double> list = (List<Double>) p.get("values");
                yield Distributions.empirical(list.stream().mapToDouble(Double::doubleValue).toArray());
            }
            // The useful-life part is a constant hazard, written as the mean of the exponential it would be alone.
            case BATHTUB -> new BathtubLifetime((Double) p.get("infantShape"), (Double) p.get("infantScale"),
                    p.containsKey("usefulLifeMean") ? 1 / (Double) p.get("usefulLifeMean") : 0,
                    (Double) p.get("wearShape"), (Double) p.get("wearScale"),
                    (Double) p.getOrDefault("wearLocation", 0.0));
            case HAZARD_TABLE -> hazardTable(p);
        }, node, path, key);
    }

    /**
     * Ages (in the key's unit, hours for lifetimes) where each annualised failure rate starts; AFR is a probability
     * over a year of 8,760 h, so its constant hazard is -ln(1 - AFR) per 8,760 h.
     */
    @SuppressWarnings("unchecked")
    private static Distribution hazardTable(Map<String, Object> p) {
        List<Double> ages = (List<Double>) p.get("ages");
        List<Double> afr = (List<Double>) p.get("afr");
        if (ages.size() != afr.size()) {
            throw new IllegalArgumentException("hazardTable has " + ages.size() + " ages but " + afr.size()
                    + " afr values; they pair up one to one");
        }
        double[] start = new double[ages.size()];
        double[] hazard = new double[afr.size()];
        for (int i = 0; i < start.length; i++) {
            if (!(afr.get(i) >= 0 && afr.get(i) < 1)) {
                throw new IllegalArgumentException("afr " + afr.get(i) + " is not a yearly failure probability in"
                        + " [0, 1)");
            }
            start[i] = ages.get(i);
            hazard[i] = -Math.log1p(-afr.get(i)) / Hours.PER_YEAR;
        }
        return new HazardTableLifetime(start, hazard);
    }

    private Distribution build(java.util.function.Supplier<Distribution> make, Node node, String path, Key key) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            // A record's own message may already say what it accepts; say it once.
            problem(node.location(), path, e.getMessage().contains("accepted:") ? e.getMessage()
                    : e.getMessage() + "; accepted: " + key.accepted());
            return null;
        }
    }

    private Double parameter(Quantity q, ScalarNode s, String path, Key key) {
        try {
            if (q != null) {
                return Units.parse(q, s.text());
            }
            return plainNumber(Key.of(path, ValueType.NUMBER, ""), s.text());
        } catch (IllegalArgumentException e) {
            problem(s.location(), path, e.getMessage().replace("; expected ", "; accepted: "));
            return null;
        }
    }

    private List<Double> valuesList(Quantity q, Node node, String path, Key key) {
        if (!(node instanceof ListNode list) || list.items().isEmpty()) {
            problem(node.location(), path, "expected a non-empty list of observations; accepted: [v1, v2, ...]");
            return null;
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            if (!(item instanceof ScalarNode s) || s.isNull()) {
                problem(item.location(), path + "[" + i + "]", "expected a single value, found "
                        + item.describe());
                return null;
            }
            Double v = parameter(q, s, path + "[" + i + "]", key);
            if (v == null) {
                return null;
            }
            out.add(v);
        }
        return out;
    }

    // ---------------------------------------------------------------- sweeps

    private Map<String, List<String>> sweep(Node node, String path) {
        if (!(node instanceof MapNode map)) {
            problem(node.location(), path, "expected a map from key path to a list of values, found "
                    + node.describe() + "; accepted: e.g. {storage.raid.level: [raid5, raid6]}");
            return null;
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        boolean ok = true;
        for (MapNode.Entry e : map.entries().values()) {
            String varied = e.key();
            Key target = schema.key(varied);
            String entryPath = path + "." + varied;
            if (target == null || varied.contains("[]") || target.type() == ValueType.SECTION_LIST
                    || target.type() == ValueType.SWEEP || varied.equals("name") || varied.equals("extends")) {
                String near = Suggestions.closest(varied, schema.topLevelPaths());
                problem(e.keyLocation(), entryPath, (target == null ? "unknown key path " + Problem.quote(varied)
                        : Problem.quote(varied) + " cannot be swept") + (near != null && !near.equals(varied)
                        ? "; did you mean '" + near + "'?" : "; accepted: any key path of the scenario"));
                ok = false;
                continue;
            }
            if (!(e.value() instanceof ListNode list) || list.items().isEmpty()) {
                problem(e.value().location(), entryPath, "expected a non-empty list of values to try; accepted: "
                        + "[value1, value2, ...] of " + target.accepted());
                ok = false;
                continue;
            }
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++) {
                Node item = list.items().get(i);
                if (convert(target, item, entryPath + "[" + i + "]") == null) {
                    ok = false;
                }
                texts.add(YamlText.inline(item));
            }
            out.put(varied, List.copyOf(texts));
        }
        return ok ? java.util.Collections.unmodifiableMap(out) : null;
    }
}

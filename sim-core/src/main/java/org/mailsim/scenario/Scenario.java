package org.mailsim.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailsim.scenario.yaml.MapNode;

/**
 * A validated scenario: immutable, typed, every key of the {@link Schema} either written or at its default.
 *
 * <p>Load with {@link #load(Path, List)}; read values by key with the {@link Section} accessors and the key
 * constants of {@link Schema} ({@code scenario.size(STORAGE_DISK_CAPACITY)},
 * {@code scenario.distribution(STORAGE_DISK_LIFETIME)}, {@code fault.duration(FAULTS_AT)} on each item of
 * {@code scenario.items(FAULTS)}). Quantities
 * are in base units: hours, bytes, bytes/s, files/s, events per hour. {@link #toYaml()} gives the scenario as run.
 */
public final class Scenario extends Section {
    private final List<String> sources;
    private final List<String> sets;

    private Scenario(Map<String, Value> values, List<String> sources, List<String> sets) {
        super(values, "");
        this.sources = List.copyOf(sources);
        this.sets = List.copyOf(sets);
    }

    /** Loads a scenario file (with its extends chain). */
    public static Scenario load(Path file) {
        return load(file, List.of());
    }

    /**
     * Loads a scenario file, its {@code extends:} chain and {@code --set key.path=value} overrides (applied in order).
     *
     * @throws ScenarioException with every problem found, each naming file, line, column and key path
     */
    public static Scenario load(Path file, List<String> sets) {
        List<Problem> problems = new ArrayList<>();
        Loader loader = new Loader(Schema.SCENARIO, problems);
        String display = file.toString();
        MapNode tree = loader.load(file, display);
        return finish(tree, loader, problems, new Location(display, 1, 1), sets);
    }

    /** Reads a scenario from YAML text named {@code displayName}; {@code extends:} is resolved against baseDir. */
    public static Scenario parse(String yaml, String displayName, Path baseDir, List<String> sets) {
        List<Problem> problems = new ArrayList<>();
        Loader loader = new Loader(Schema.SCENARIO, problems);
        loader.sources.add(displayName);
        MapNode tree = loader.load(yaml, displayName, baseDir);
        return finish(tree, loader, problems, new Location(displayName, 1, 1), sets);
    }

    /** Reads a scenario from YAML text (tests, embedding). */
    public static Scenario parse(String yaml) {
        return parse(yaml, "(text)", Path.of("."), List.of());
    }

    private static Scenario finish(MapNode tree, Loader loader, List<Problem> problems, Location root,
            List<String> sets) {
        Map<String, Value> values = Map.of();
        if (tree != null) {
            tree = loader.applySets(tree, sets);
            values = new Validator(Schema.SCENARIO, problems).validate(tree, root);
            // Checks between keys run even when some keys are invalid (those are absent), so all problems show.
            Consistency.check(values, problems, root);
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(sorted(problems, sets));
        }
        return new Scenario(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values)), loader.sources,
                sets);
    }

    /** Files first (in the order they were first named), then by line and column; --set problems last. */
    private static List<Problem> sorted(List<Problem> problems, List<String> sets) {
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < sets.size(); i++) {
            rank.putIfAbsent("--set " + sets.get(i), 1_000_000 + i);
        }
        for (Problem p : problems) {
            rank.putIfAbsent(p.file(), rank.size());
        }
        List<Problem> out = new ArrayList<>(problems);
        out.sort(Comparator.comparing((Problem p) -> rank.get(p.file())).thenComparingInt(Problem::line)
                .thenComparingInt(Problem::column));
        return out;
    }

    public String name() {
        return string(Schema.NAME);
    }

    public long seed() {
        return integer(Schema.SEED);
    }

    public int replications() {
        return intValue(Schema.REPLICATIONS);
    }

    /** True when each replication runs until its first data loss (capped by {@link #maxHorizonHours()}). */
    public boolean runsToFirstDataLoss() {
        return is(Schema.HORIZON, "first-data-loss");
    }

    /** The simulated hours per replication: the horizon, or maxHorizon when running to the first data loss. */
    public double horizonHours() {
        return runsToFirstDataLoss() ? maxHorizonHours() : duration(Schema.HORIZON);
    }

    public double maxHorizonHours() {
        return duration(Schema.MAX_HORIZON);
    }

    /** Swept keys (key path to the values to try, each as YAML text usable as {@code --set path=value}). */
    @SuppressWarnings("unchecked")
    public Map<String, List<String>> sweep() {
        return has(Schema.SWEEP) ? (Map<String, List<String>>) value(Schema.SWEEP).value() : Map.of();
    }

    /** The files read, the scenario first, then its bases in extends order. */
    public List<String> sources() {
        return sources;
    }

    /** The --set overrides applied. */
    public List<String> overrides() {
        return sets;
    }

    /** Every value with its key, node and location, in schema order for top-level keys. */
    public Map<String, Value> values() {
        return values;
    }

    /**
     * The scenario as run: every key with its effective value (defaults marked; a preset's values as comments, the
     * preset key bringing them back), in schema order, as YAML that {@link #parse(String)} reads back to the same
     * values.
     */
    public String toYaml() {
        return toYaml(true);
    }

    /**
     * The keys the files and --set values wrote (after extends and overrides) and no defaults, as YAML that
     * {@link #parse(String)} reads back to this very scenario, defaults included: a key written with its default
     * value is not the key left out ({@link Section#isSet}; the checks between keys refuse some written pairs). How
     * a scenario travels to machines that do not have its files (a cluster's executors).
     */
    public String writtenYaml() {
        return toYaml(false);
    }

    private String toYaml(boolean withDefaults) {
        StringBuilder out = new StringBuilder();
        out.append("# scenario as run; read from ").append(String.join(" <- ", sources));
        for (String set : sets) {
            out.append("; --set ").append(set);
        }
        out.append('\n');
        List<String> openSections = new ArrayList<>();
        for (Key k : Schema.SCENARIO.keys()) {
            if (k.path().contains("[]") || k.path().equals("extends")) {
                continue;
            }
            Value v = values.get(k.path());
            if (v == null || v.isDefault() && (!withDefaults || exclusiveKeyIsSet(k))) {
                continue; // a default beside a written key it excludes (storage.groups beside usableCapacity)
            }
            String[] segments = k.path().split("\\.");
            int common = 0;
            while (common < openSections.size() && common < segments.length - 1
                    && openSections.get(common).equals(segments[common])) {
                common++;
            }
            if (v.isDefault() && v.node() != null) {
                // From a preset: shown as a comment (the preset key written above brings it back), in no new section,
                // since a section holding only comments would read back as empty.
                out.append("  ".repeat(common)).append("# ")
                        .append(String.join(".", java.util.Arrays.copyOfRange(segments, common, segments.length)))
                        .append(": ").append(YamlText.inline(v.node())).append("  (from ").append(v.where().file())
                        .append(")\n");
                continue;
            }
            while (openSections.size() > common) {
                openSections.remove(openSections.size() - 1);
            }
            for (int i = common; i < segments.length - 1; i++) {
                out.append("  ".repeat(i)).append(segments[i]).append(":\n");
                openSections.add(segments[i]);
            }
            int indent = 2 * (segments.length - 1);
            if (v.isDefault()) {
                out.append(" ".repeat(indent)).append(segments[segments.length - 1]).append(": ")
                        .append(k.defaultText()).append("  # default\n");
            } else {
                YamlText.block(out, segments[segments.length - 1], v.node(), indent, null);
            }
        }
        return out.toString();
    }

    private boolean exclusiveKeyIsSet(Key key) {
        for (Key other : Schema.SCENARIO.keys()) {
            String a = other.path().equals(key.exclusiveWith()) ? other.path() : null;
            String b = key.path().equals(other.exclusiveWith()) ? other.path() : null;
            String path = a != null ? a : b;
            if (path != null && values.containsKey(path) && !values.get(path).isDefault()) {
                return true;
            }
        }
        return false;
    }
}

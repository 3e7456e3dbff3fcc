package org.mailsim.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailsim.scenario.yaml.ListNode;
import org.mailsim.scenario.yaml.MapNode;
import org.mailsim.scenario.yaml.Node;
import org.mailsim.scenario.yaml.ScalarNode;
import org.mailsim.scenario.yaml.YamlReader;

/**
 * Reads a scenario file with its {@code extends:} chain, merges the chain (the child wins key by key inside
 * sections; leaves, lists and distribution blocks are replaced whole; {@code key: null} removes an inherited value)
 * and applies {@code --set key.path=value} overrides.
 */
final class Loader {
    /** A chain longer than this is surely a mistake, and bounds the work a hostile chain can cause. */
    static final int MAX_EXTENDS_DEPTH = 16;

    private final Schema schema;
    private final List<Problem> problems;
    final List<String> sources = new ArrayList<>();
    /** The folder tree bases must lie in (real path); set by the first file or text loaded. */
    private Path root;

    Loader(Schema schema, List<Problem> problems) {
        this.schema = schema;
        this.problems = problems;
    }

    /** The merged tree of {@code file} and its bases, or null when a file could not be read as a scenario. */
    MapNode load(Path file, String displayName) {
        return load(file, displayName, new ArrayList<>(), null);
    }

    /** The merged tree of YAML text (extends resolved against {@code baseDir}). */
    MapNode load(String text, String displayName, Path baseDir) {
        root = realOrSelf(baseDir);
        Node node = YamlReader.read(text, displayName, problems);
        return node == null ? null : withBase(node, displayName, baseDir, new ArrayList<>());
    }

    private MapNode load(Path file, String displayName, List<Path> chain, Location extendsAt) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            problems.add(extendsAt != null
                    ? Problem.at(extendsAt, "extends", "base scenario '" + displayName + "' not found; accepted: a"
                            + " path relative to this file")
                    : new Problem(displayName, 0, 0, "", "file not found"));
            return null;
        }
        if (root == null) {
            root = scenarioTree(real);
        }
        if (chain.contains(real)) {
            StringBuilder cycle = new StringBuilder();
            for (Path p : chain) {
                cycle.append(p.getFileName()).append(" -> ");
            }
            problems.add(Problem.at(extendsAt, "extends", "extends cycle: " + cycle + real.getFileName()
                    + "; accepted: a chain of base scenarios without repeats"));
            return null;
        }
        if (chain.size() >= MAX_EXTENDS_DEPTH) {
            problems.add(Problem.at(extendsAt, "extends", "extends chain longer than " + MAX_EXTENDS_DEPTH
                    + " files; accepted: a shorter chain"));
            return null;
        }
        if (Files.isDirectory(real)) {
            problems.add(new Problem(displayName, 0, 0, "", "is a directory, not a scenario file"));
            return null;
        }
        chain.add(real);
        sources.add(displayName);
        Node node = YamlReader.read(real, displayName, problems);
        if (node == null) {
            return null;
        }
        Path dir = real.getParent();
        return withBase(node, displayName, dir, chain);
    }

    private MapNode withBase(Node node, String displayName, Path dir, List<Path> chain) {
        if (!(node instanceof MapNode map)) {
            problems.add(Problem.at(node.location(), "", "a scenario is a map of keys (name:, storage:, ...),"
                    + " found " + node.describe()));
            return null;
        }
        MapNode.Entry ext = map.entries().get(Schema.EXTENDS.path());
        if (ext == null) {
            return map;
        }
        Map<String, MapNode.Entry> own = new LinkedHashMap<>(map.entries());
        own.remove("extends");
        MapNode child = new MapNode(own, map.location());
        if (!(ext.value() instanceof ScalarNode s) || s.isNull() || s.text().isBlank()) {
            problems.add(Problem.at(ext.value().location(), "extends", "expected the path of a base scenario,"
                    + " found " + ext.value().describe() + "; accepted: e.g. extends: base.yaml"));
            return child;
        }
        String refusal = baseRefusal(s.text());
        if (refusal != null) {
            problems.add(Problem.at(s.location(), "extends", refusal));
            return null;
        }
        Path basePath = dir.resolve(s.text()).normalize();
        String parentDisplay = Path.of(displayName).getParent() == null ? ""
                : Path.of(displayName).getParent().toString();
        String baseDisplay = parentDisplay.isEmpty() ? Path.of(s.text()).normalize().toString()
                : Path.of(parentDisplay).resolve(s.text()).normalize().toString();
        Path realBase = realOrSelf(basePath);
        if (!realBase.startsWith(root)) {
            problems.add(Problem.at(s.location(), "extends", "base scenario " + Problem.quote(s.text()) + " lies outside the"
                    + " scenario's folder " + root + "; accepted: a .yaml file in that folder or below it"));
            return null;
        }
        if (!Files.exists(basePath)) {
            problems.add(Problem.at(s.location(), "extends", "base scenario " + Problem.quote(s.text()) + " not found (looked for "
                    + baseDisplay + "); accepted: a path relative to this file"));
            return null;
        }
        MapNode base = load(basePath, baseDisplay, chain, s.location());
        if (base == null) {
            return null;
        }
        return merge("", base, child);
    }

    /**
     * The folder tree a scenario's bases must lie in: the folder holding the folder of the scenario named on the
     * command line, so a what-if in {@code scenarios/NAME/} may extend {@code ../NAME.yaml} and its siblings, while
     * {@code ../../secrets.yaml} or a file elsewhere is refused before it is read (and an absolute path always is).
     * A scenario in a top-level folder ({@code /tmp/x.yaml}) keeps to its own folder.
     */
    static Path scenarioTree(Path realFile) {
        Path dir = realFile.getParent();
        Path up = dir.getParent();
        return up == null || up.getParent() == null ? dir : up;
    }

    /** Why an extends: path is refused outright (absolute, or not a YAML file), or null. */
    private static String baseRefusal(String text) {
        String t = text.strip();
        try {
            Path.of(t);
        } catch (java.nio.file.InvalidPathException e) {
            return Problem.quote(t) + " is not a valid path; accepted: e.g. extends: base.yaml";
        }
        if (t.startsWith("/") || t.startsWith("~") || t.startsWith("\\") || t.matches("[A-Za-z]:.*")) {
            return "extends takes a path relative to this file, got the absolute path " + Problem.quote(t) + "; accepted: e.g."
                    + " extends: base.yaml (a .yaml file in this scenario's folder or below it)";
        }
        if (!(t.endsWith(".yaml") || t.endsWith(".yml"))) {
            return "base scenario " + Problem.quote(t) + " is not a .yaml or .yml file; accepted: e.g. extends: base.yaml";
        }
        return null;
    }

    private static Path realOrSelf(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private MapNode merge(String prefix, MapNode base, MapNode child) {
        Map<String, MapNode.Entry> out = new LinkedHashMap<>(base.entries());
        for (MapNode.Entry e : child.entries().values()) {
            String path = prefix.isEmpty() ? e.key() : prefix + "." + e.key();
            MapNode.Entry inherited = out.get(e.key());
            if (inherited != null && inherited.value() instanceof MapNode bm && e.value() instanceof MapNode cm
                    && schema.isSection(path)) {
                out.put(e.key(), new MapNode.Entry(e.key(), e.keyLocation(), merge(path, bm, cm)));
            } else {
                out.put(e.key(), e);
            }
        }
        return new MapNode(out, child.location());
    }

    /** Applies {@code key.path=value} overrides; each value is read as YAML (a scalar, or a flow map or list). */
    MapNode applySets(MapNode tree, List<String> sets) {
        MapNode result = tree;
        for (String set : sets) {
            Location at = Location.of("--set " + set);
            int eq = set.indexOf('=');
            String path = eq < 0 ? set.strip() : set.substring(0, eq).strip();
            if (eq < 0 || path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
                problems.add(Problem.at(at, path, "expected key.path=value; accepted: e.g. --set"
                        + " storage.raid.width=8"));
                continue;
            }
            if (path.contains("[") || path.contains("]")) {
                problems.add(Problem.at(at, path, "--set cannot address one item of a list; accepted: the whole"
                        + " list, e.g. --set 'faults=[{at: 3d, kind: disk-failure}]'"));
                continue;
            }
            if (path.equals("extends") || path.startsWith("extends.")) {
                problems.add(Problem.at(at, path, "--set cannot change extends (bases are read before --set is"
                        + " applied); accepted: write extends: in the scenario file, or --set the keys themselves"));
                continue;
            }
            String valueText = set.substring(eq + 1);
            List<Problem> valueProblems = new ArrayList<>();
            Node value = valueText.isBlank() ? new ScalarNode("", ScalarNode.Kind.NULL, at)
                    : YamlReader.read(valueText, "--set " + set, valueProblems);
            if (value == null || !valueProblems.isEmpty()) {
                for (Problem p : valueProblems) {
                    problems.add(Problem.at(at, path, "value is not valid YAML (" + p.message() + ")"));
                }
                continue;
            }
            result = put(result, path.split("\\."), 0, relocate(value, at), at);
        }
        return result;
    }

    private static MapNode put(MapNode map, String[] segments, int i, Node value, Location at) {
        Map<String, MapNode.Entry> out = new LinkedHashMap<>(map.entries());
        String key = segments[i];
        if (i == segments.length - 1) {
            out.put(key, new MapNode.Entry(key, at, value));
        } else {
            MapNode.Entry existing = out.get(key);
            MapNode inner = existing != null && existing.value() instanceof MapNode m ? m
                    : new MapNode(Map.of(), at);
            out.put(key, new MapNode.Entry(key, existing != null ? existing.keyLocation() : at,
                    put(inner, segments, i + 1, value, at)));
        }
        return new MapNode(out, map.location());
    }

    /** Gives every node of a --set value the --set argument as its location. */
    private static Node relocate(Node node, Location at) {
        if (node instanceof ScalarNode s) {
            return new ScalarNode(s.text(), s.kind(), at);
        }
        if (node instanceof ListNode l) {
            List<Node> items = new ArrayList<>();
            for (Node n : l.items()) {
                items.add(relocate(n, at));
            }
            return new ListNode(items, at);
        }
        Map<String, MapNode.Entry> out = new LinkedHashMap<>();
        for (MapNode.Entry e : ((MapNode) node).entries().values()) {
            out.put(e.key(), new MapNode.Entry(e.key(), at, relocate(e.value(), at)));
        }
        return new MapNode(out, at);
    }
}

package org.mailsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mailsim.scenario.yaml.MapNode;
import org.mailsim.scenario.yaml.Node;
import org.mailsim.scenario.yaml.YamlReader;

/**
 * Named sets of values that stand in for schema defaults: a key {@code SECTION.preset} (a choice) picks the file
 * {@code presets/SECTION/CHOICE.yaml} beside this class, a scenario fragment read by the same YAML reader and
 * validator as a scenario. The first choice of a preset key is the schema's own defaults and has no file.
 */
public final class Presets {
    private static final Map<String, List<Value>> CACHE = new ConcurrentHashMap<>();

    private Presets() {
    }

    /** True for a choice key named {@code preset}, e.g. {@code operations.preset}. */
    public static boolean isPresetKey(Key key) {
        return key.type() == ValueType.CHOICE && key.name().equals("preset") && !key.path().contains("[]");
    }

    /** The resource holding preset {@code choice} of {@code key}, e.g. {@code presets/operations/dreamwiz-2008.yaml}. */
    public static String resource(Key key, String choice) {
        return "presets/" + key.path().substring(0, key.path().lastIndexOf('.')) + "/" + choice + ".yaml";
    }

    /** The values of preset {@code choice} of {@code key}, each a default; empty for the schema's own defaults. */
    public static List<Value> values(Key key, String choice) {
        if (choice.equals(key.defaultText())) {
            return List.of();
        }
        return CACHE.computeIfAbsent(resource(key, choice), Presets::read);
    }

    /** The text of a preset file, or null when there is none. */
    public static String text(Key key, String choice) {
        try (InputStream in = Presets.class.getResourceAsStream(resource(key, choice))) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource(key, choice), e);
        }
    }

    private static List<Value> read(String resource) {
        String name = resource.substring("presets/".length());
        String[] parts = name.split("/");
        Key key = Schema.SCENARIO.key(parts[0] + ".preset");
        String text = text(key, parts[1].substring(0, parts[1].length() - ".yaml".length()));
        if (text == null) {
            throw new IllegalStateException("no preset file " + resource + " for " + key.path());
        }
        List<Problem> bad = new ArrayList<>();
        Node node = YamlReader.read(text, "preset " + name, bad);
        if (!(node instanceof MapNode tree) || !bad.isEmpty()) {
            throw new IllegalStateException("bad preset " + resource + ": " + bad);
        }
        return List.copyOf(Validator.readPreset(tree, "preset " + name));
    }
}

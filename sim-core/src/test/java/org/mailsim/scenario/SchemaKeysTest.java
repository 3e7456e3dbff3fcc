package org.mailsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The schema's keys are typed constants, each read by the code that builds the run: a key nobody binds, or a value
 * read through a path typed again as a string, fails here rather than silently at run time.
 */
class SchemaKeysTest {
    /** sim-core's tests run in sim-core/; the sources of both modules that read scenarios. */
    private static final List<Path> MAIN_SOURCES = List.of(Path.of("src", "main", "java"),
            Path.of("..", "sim-cli", "src", "main", "java"));
    private static final Path DOC = Path.of("..", "docs", "scenario-format.md");
    /** Files that declare or only validate keys; a key read only there is not bound to anything. */
    private static final List<String> NOT_BINDING = List.of("Schema.java", "Consistency.java");
    /** Keys the code building the run does not read, each with the reason. */
    private static final java.util.Map<Key, String> NOT_READ_BY_BINDING = java.util.Map.of(
            Schema.STORAGE_RAID_DATA, "a cross-check: erasure width = data + parity; the model takes width and parity",
            Schema.OPERATIONS_PRESET, "applied by the loader (Presets): it sets other keys' values",
            Schema.COSTS_PRESET, "applied by the loader (Presets): it sets other keys' values");

    @Test
    void everyKeyIsAConstantInTableOrder() throws IllegalAccessException {
        List<Key> constants = new ArrayList<>();
        for (Field f : Schema.class.getDeclaredFields()) {
            if (f.getType() == Key.class && Modifier.isStatic(f.getModifiers())) {
                assertThat(Modifier.isPublic(f.getModifiers()) && Modifier.isFinal(f.getModifiers())).as(f.getName())
                        .isTrue();
                Key k = (Key) f.get(null);
                assertThat(f.getName()).as("constant of " + k.path()).isEqualTo(constantName(k.path()));
                constants.add(k);
            }
        }
        assertThat(constants).containsExactlyInAnyOrderElementsOf(Schema.SCENARIO.keys());
    }

    @Test
    void everyKeyIsReadByTheCodeThatBuildsTheRun() throws IOException {
        String code = sources(false, false);
        for (Key k : Schema.SCENARIO.keys()) {
            if (NOT_READ_BY_BINDING.containsKey(k)) {
                continue;
            }
            assertThat(Pattern.compile("\\b" + constantName(k.path()) + "\\b").matcher(code).find())
                    .as(k.path() + " (" + constantName(k.path()) + ") is in the schema but no code outside "
                            + NOT_BINDING + " reads it")
                    .isTrue();
        }
    }

    @Test
    void noValueIsReadThroughAPathTypedAsAString() throws IOException {
        Matcher m = Pattern.compile("\\.(has|isSet|where|value|is|duration|size|bandwidth|fileRate|rate|number"
                + "|integer|intValue|string|flag|distribution|numbers|items|section)\\(\"[a-z][A-Za-z.\\[\\]]*\"")
                .matcher(sources(true, true));
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        assertThat(found).as("read these with the key constants of Schema").isEmpty();
    }

    @Test
    void everyKeyIsARowOfTheCheckedInDocument() throws IOException {
        String md = Files.readString(DOC, StandardCharsets.UTF_8);
        for (Key k : Schema.SCENARIO.keys()) {
            assertThat(md).as(k.path()).contains("| `" + k.path() + "` |");
        }
    }

    /** {@code storage.disk.latentErrors.rate} to {@code STORAGE_DISK_LATENT_ERRORS_RATE}. */
    static String constantName(String path) {
        return path.replace("[]", "").replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z])([A-Z][a-z])",
                "$1_$2").replace('.', '_').toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * The main sources (without Schema and Consistency unless {@code all}), concatenated; with
     * {@code scenarioReadersOnly}, only files of the scenario package or importing from it (elsewhere a
     * {@code has("...")} is a JSON node's).
     */
    private static String sources(boolean all, boolean scenarioReadersOnly) throws IOException {
        StringBuilder out = new StringBuilder();
        for (Path root : MAIN_SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    String text = Files.readString(p, StandardCharsets.UTF_8);
                    boolean readsScenarios = text.contains("package org.mailsim.scenario;")
                            || text.contains("import org.mailsim.scenario.")
                            || text.contains("import static org.mailsim.scenario.");
                    if ((all || !NOT_BINDING.contains(p.getFileName().toString()))
                            && (!scenarioReadersOnly || readsScenarios)) {
                        out.append(text).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }
}

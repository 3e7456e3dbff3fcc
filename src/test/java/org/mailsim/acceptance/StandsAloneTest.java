package org.mailsim.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository stands alone: no source, test, scenario, notebook or document cites a brief or a folder outside
 * the repository, which a reader of the repository does not have. What they need is in docs/ (the Dreamwiz story and
 * every replay's sources, the model's assumptions and formulas, the JSON contract, the data's origin).
 */
class StandsAloneTest {
    /** Spelt in pieces, so this file does not cite them either. */
    static final List<String> OUTSIDE = List.of("MISSION" + ".md", "/work/" + "shared", "../" + "shared/");
    static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "reports", ".ipynb_checkpoints", "node_modules");

    @Test
    void noFileCitesAnythingOutsideTheRepository() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ReplayAcceptanceTest.ROOT)) {
            for (Path file : files.filter(Files::isRegularFile).filter(StandsAloneTest::kept).toList()) {
                String text;
                try {
                    text = Files.readString(file, StandardCharsets.UTF_8);
                } catch (MalformedInputException binary) {
                    continue;
                }
                for (String outside : OUTSIDE) {
                    if (text.contains(outside)) {
                        found.add(ReplayAcceptanceTest.ROOT.relativize(file) + " cites " + outside);
                    }
                }
            }
        }
        assertThat(found).as("files citing what a reader of the repository does not have; move it into docs/")
                .isEmpty();
        assertThat(ReplayAcceptanceTest.ROOT.resolve("docs/dreamwiz-2008.md")).isRegularFile();
        assertThat(ReplayAcceptanceTest.ROOT.resolve("docs/replay-sources.md")).isRegularFile();
    }

    private static boolean kept(Path file) {
        for (Path part : ReplayAcceptanceTest.ROOT.relativize(file)) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return false;
            }
        }
        String name = file.getFileName().toString();
        return !name.endsWith(".png") && !name.endsWith(".jar") && !name.endsWith(".class");
    }
}

package org.mailsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScenarioFormatTest {
    /** sim-core's tests run in sim-core/; the document lives at the repository root. */
    private static final Path DOC = Path.of("..", "docs", "scenario-format.md");

    @Test
    void checkedInDocumentMatchesTheSchema() throws IOException {
        String expected = ScenarioFormat.markdown();
        if (Boolean.getBoolean("mailsim.writeDocs")) {
            ScenarioFormat.main(new String[] {DOC.toString()});
        }
        String actual = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
        assertThat(actual)
                .as("docs/scenario-format.md is out of date with org.mailsim.scenario.Schema; regenerate with: mvn -o"
                        + " -q -pl sim-core test -Dtest=ScenarioFormatTest -Dmailsim.writeDocs=true")
                .isEqualTo(expected);
    }

    @Test
    void everyKeyIsDocumentedWithItsDefault() {
        String md = ScenarioFormat.markdown();
        for (Key k : Schema.SCENARIO.keys()) {
            assertThat(md).contains("`" + k.path() + "`");
            if (k.defaultText() != null) {
                assertThat(md).contains("`" + k.defaultText() + "`");
            }
        }
    }

    @Test
    void everyDefaultIsValidForItsKey() {
        for (Key k : Schema.SCENARIO.keys()) {
            if (k.defaultText() != null) {
                assertThat(Validator.defaultValue(k)).as(k.path()).isNotNull();
            }
        }
    }
}

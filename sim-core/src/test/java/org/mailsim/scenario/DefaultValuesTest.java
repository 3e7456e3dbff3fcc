package org.mailsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailsim.scenario.yaml.Node;
import org.mailsim.scenario.yaml.YamlReader;

/** Defaults read without the YAML parser are the values the parser would have given. */
class DefaultValuesTest {
    @Test
    void everyDefaultIsTheValueItsYamlTextReadsAs() {
        int plain = 0;
        for (Key k : Schema.SCENARIO.keys()) {
            if (k.defaultText() == null) {
                continue;
            }
            List<Problem> bad = new ArrayList<>();
            Node parsed = YamlReader.read(k.defaultText(), "(default of " + k.path() + ")", bad);
            Object expected = new Validator(Schema.SCENARIO, bad).convert(k, parsed, k.path());
            assertThat(bad).as(k.path()).isEmpty();
            assertThat(Validator.defaultValue(k)).as(k.path()).isEqualTo(expected);
            plain += YamlText.readsBackAsText(k.defaultText()) ? 1 : 0;
        }
        assertThat(plain).as("defaults read without the parser").isGreaterThan(50);
    }
}

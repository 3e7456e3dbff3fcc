package org.mailsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mailsim.random.Distributions;

class PresetsTest {
    private static final String STORAGE = """
            name: t
            storage:
              raid: {level: raid5, width: 4}
              disk: {capacity: 1TB, lifetime: {distribution: exponential, mean: 10y}}
            """;

    @Test
    void everyChoiceButTheDefaultsHasAValidFileAndNoFileIsOrphaned() {
        int presetKeys = 0;
        for (Key k : Schema.SCENARIO.keys()) {
            if (!Presets.isPresetKey(k)) {
                continue;
            }
            presetKeys++;
            assertThat(k.defaultText()).as(k.path()).isEqualTo(k.choices().get(0));
            assertThat(Presets.text(k, k.defaultText())).as(k.path() + ": the defaults have no file").isNull();
            for (String choice : k.choices().subList(1, k.choices().size())) {
                assertThat(Presets.values(k, choice)).as(Presets.resource(k, choice)).isNotEmpty()
                        .allSatisfy(v -> assertThat(v.isDefault()).isTrue());
            }
        }
        assertThat(presetKeys).isEqualTo(2);
    }

    @Test
    void aPresetStandsInForDefaultsAndWrittenKeysStillWin() {
        Scenario s = Scenario.parse(STORAGE + "operations: {preset: dreamwiz-2008, response: 3h}\n");
        assertThat(s.distribution(Schema.OPERATIONS_DETECTION)).isEqualTo(Distributions.deterministic(1));
        assertThat(s.isSet(Schema.OPERATIONS_DETECTION)).isFalse();
        assertThat(s.distribution(Schema.OPERATIONS_RESPONSE)).isEqualTo(Distributions.deterministic(3));
        assertThat(s.distribution(Schema.STORAGE_SPARES_HANDLING_TIME)).isEqualTo(Distributions.deterministic(4));
        assertThat(s.fileRate(Schema.OPERATIONS_RESTORE_FILE_RATE)).isEqualTo(200);
        // Keys the preset does not list keep the schema default.
        assertThat(s.number(Schema.OPERATIONS_VENDOR_PRICE_PER_TB)).isEqualTo(1000);
        String asRun = s.toYaml();
        assertThat(asRun).contains("  # detection: 1h  (from preset operations/dreamwiz-2008.yaml)\n")
                .contains("  response: 3h\n").contains("  vendor:\n    use: true  # default\n");
        Scenario again = Scenario.parse(asRun);
        for (Key k : Schema.SCENARIO.keys()) {
            if (s.has(k.path())) {
                assertThat(again.value(k.path()).value()).as(k.path()).isEqualTo(s.value(k.path()).value());
            }
        }
    }
}

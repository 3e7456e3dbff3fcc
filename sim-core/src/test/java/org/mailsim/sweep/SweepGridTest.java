package org.mailsim.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepGridTest {

    private static Map<String, List<String>> block() {
        Map<String, List<String>> sweep = new LinkedHashMap<>();
        sweep.put("storage.raid.level", List.of("raid5", "raid6"));
        sweep.put("storage.raid.width", List.of("6", "8", "12"));
        sweep.put("storage.spares.hot", List.of("0", "1"));
        return sweep;
    }

    @Test
    void gridIsNestedLoopsInFileOrderFirstKeyOutermost() {
        SweepGrid grid = SweepGrid.expand(block());
        assertThat(grid.size()).isEqualTo(12);
        assertThat(grid.keys()).containsExactly("storage.raid.level", "storage.raid.width", "storage.spares.hot");
        List<String> described = grid.configurations().stream().map(Configuration::describe).toList();
        assertThat(described).containsExactly(
                "storage.raid.level=raid5 storage.raid.width=6 storage.spares.hot=0",
                "storage.raid.level=raid5 storage.raid.width=6 storage.spares.hot=1",
                "storage.raid.level=raid5 storage.raid.width=8 storage.spares.hot=0",
                "storage.raid.level=raid5 storage.raid.width=8 storage.spares.hot=1",
                "storage.raid.level=raid5 storage.raid.width=12 storage.spares.hot=0",
                "storage.raid.level=raid5 storage.raid.width=12 storage.spares.hot=1",
                "storage.raid.level=raid6 storage.raid.width=6 storage.spares.hot=0",
                "storage.raid.level=raid6 storage.raid.width=6 storage.spares.hot=1",
                "storage.raid.level=raid6 storage.raid.width=8 storage.spares.hot=0",
                "storage.raid.level=raid6 storage.raid.width=8 storage.spares.hot=1",
                "storage.raid.level=raid6 storage.raid.width=12 storage.spares.hot=0",
                "storage.raid.level=raid6 storage.raid.width=12 storage.spares.hot=1");
        for (int i = 0; i < grid.size(); i++) {
            Configuration c = grid.configurations().get(i);
            assertThat(c.index()).isEqualTo(i);
            assertThat(c.id()).matches(String.format("c%04d-[0-9a-f]{8}", i));
            assertThat(c.id()).endsWith(c.overridesHash().substring(0, 8));
            assertThat(List.copyOf(c.overrides().keySet())).isEqualTo(grid.keys());
        }
        assertThat(grid.configurations().get(3).asSets())
                .containsExactly("storage.raid.level=raid5", "storage.raid.width=8", "storage.spares.hot=1");
    }

    @Test
    void idsAreStableKnownAnswersAndDistinct() {
        SweepGrid a = SweepGrid.expand(block());
        SweepGrid b = SweepGrid.expand(block());
        assertThat(a.configurations()).isEqualTo(b.configurations());
        assertThat(a.configurations().stream().map(Configuration::overridesHash).distinct().count()).isEqualTo(12);
        // Known answer: SHA-256 of "storage.raid.level=raid5\nstorage.raid.width=6\nstorage.spares.hot=0\n"
        // (computed with sha256sum), so a change of the hashing scheme, which would orphan saved states, is seen.
        assertThat(a.configurations().get(0).overridesHash()).isEqualTo(KNOWN_HASH);
    }

    static final String KNOWN_HASH = "9fb4c927ebcfdfd7";

    @Test
    void hashDependsOnValuesNotOnIndex() {
        Map<String, List<String>> longer = block();
        longer.put("storage.raid.level", List.of("raid1", "raid5", "raid6"));
        SweepGrid extended = SweepGrid.expand(longer);
        Configuration before = SweepGrid.expand(block()).configurations().get(0);
        Configuration after = extended.configurations().get(6);
        assertThat(after.overrides()).isEqualTo(before.overrides());
        assertThat(after.overridesHash()).isEqualTo(before.overridesHash());
        assertThat(after.id()).isNotEqualTo(before.id()).startsWith("c0006-");
    }

    @Test
    void malformedBlocksAreRefused() {
        assertThatThrownBy(() -> SweepGrid.expand(Map.of())).isInstanceOf(SweepInputException.class)
                .hasMessageContaining("no sweep: block");
        assertThatThrownBy(() -> SweepGrid.expand(Map.of("storage.raid.width", List.of())))
                .isInstanceOf(SweepInputException.class).hasMessageContaining("sweep.storage.raid.width");
        assertThatThrownBy(() -> SweepGrid.expand(Map.of("storage.raid.width", List.of("6", "8", "6"))))
                .isInstanceOf(SweepInputException.class).hasMessageContaining("listed twice");
        Map<String, List<String>> huge = new LinkedHashMap<>();
        List<String> hundred = java.util.stream.IntStream.range(0, 100).mapToObj(Integer::toString).toList();
        huge.put("a", hundred);
        huge.put("b", hundred);
        huge.put("c", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"));
        assertThatThrownBy(() -> SweepGrid.expand(huge)).isInstanceOf(SweepInputException.class)
                .hasMessageContaining("more than 100000");
    }
}

package org.mailsim.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep stopped part-way, by a failing run or a damaged state file, resumes to the identical table. */
class SweepResumeTest {
    private static final SweepIdentity IDENTITY = SweepIdentity.of("name: t\nstorage: {}\n", 7, 100);

    @TempDir
    Path dir;

    private static SweepGrid grid() {
        Map<String, List<String>> sweep = new LinkedHashMap<>();
        sweep.put("storage.raid.level", List.of("raid5", "raid6"));
        sweep.put("storage.raid.width", List.of("6", "8", "12"));
        sweep.put("storage.spares.hot", List.of("0", "1"));
        return SweepGrid.expand(sweep);
    }

    private static final Target TARGET = Target.parse(List.of("userHoursUnavailable <= 4 and probabilityOfDataLoss <= 0.05"));

    /** Runs (or resumes) the sweep in {@code out} and returns sweep.csv's bytes. */
    private static byte[] sweep(Path out, ConfigurationRunner runner, List<String> warnings) throws IOException {
        SweepGrid grid = grid();
        SweepState state = SweepState.open(out, IDENTITY, warnings::add);
        List<SweepRow> rows = Sweep.run(grid, runner, state, new Sweep.Listener() { });
        SweepTable table = new SweepTable(grid.keys(), rows, TARGET);
        Path csv = out.resolve("sweep.csv");
        table.writeCsv(csv);
        return Files.readAllBytes(csv);
    }

    private byte[] uninterrupted() throws IOException {
        Path out = dir.resolve("reference");
        SweepFixtures.CountingRunner runner = new SweepFixtures.CountingRunner(-1);
        byte[] csv = sweep(out, runner, new ArrayList<>());
        assertThat(runner.calls.get()).isEqualTo(12);
        return csv;
    }

    @Test
    void killedAfterKConfigurationsThenResumedGivesIdenticalCsv() throws IOException {
        byte[] reference = uninterrupted();
        Path out = dir.resolve("killed");
        SweepFixtures.CountingRunner dying = new SweepFixtures.CountingRunner(5);
        assertThatThrownBy(() -> sweep(out, dying, new ArrayList<>()))
                .isInstanceOf(ConfigurationFailedException.class)
                .hasMessageContaining("c0005-").hasMessageContaining("killed after 5");
        assertThat(Files.list(out.resolve(SweepState.FOLDER)).count()).isEqualTo(5);
        assertThat(out.resolve("sweep.csv")).doesNotExist();

        SweepFixtures.CountingRunner resumed = new SweepFixtures.CountingRunner(-1);
        byte[] csv = sweep(out, resumed, new ArrayList<>());
        assertThat(resumed.calls.get()).isEqualTo(7);
        assertThat(csv).isEqualTo(reference);
        // And a third run reads everything back without running anything.
        SweepFixtures.CountingRunner idle = new SweepFixtures.CountingRunner(0);
        assertThat(sweep(out, idle, new ArrayList<>())).isEqualTo(reference);
    }

    @Test
    void deletedTruncatedAndTemporaryStateFilesAreRunAgain() throws IOException {
        byte[] reference = uninterrupted();
        Path out = dir.resolve("damaged");
        sweep(out, new SweepFixtures.CountingRunner(-1), new ArrayList<>());
        SweepGrid grid = grid();
        SweepState probe = SweepState.open(out, IDENTITY, w -> { });
        Path deleted = probe.file(grid.configurations().get(2));
        Path truncated = probe.file(grid.configurations().get(9));
        Path garbage = probe.file(grid.configurations().get(10));
        Files.delete(deleted);
        byte[] whole = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.writeString(garbage, "", StandardCharsets.UTF_8);
        // A killed save leaves its temporary file; it must be ignored and cleaned up.
        Path temp = out.resolve(SweepState.FOLDER).resolve("0123456789abcdef.state.tmp");
        Files.writeString(temp, "mailsim-sweep-state 1\nscenarioHash ", StandardCharsets.UTF_8);

        List<String> warnings = new ArrayList<>();
        SweepFixtures.CountingRunner resumed = new SweepFixtures.CountingRunner(-1);
        byte[] csv = sweep(out, resumed, warnings);
        assertThat(resumed.calls.get()).isEqualTo(3);
        assertThat(csv).isEqualTo(reference);
        assertThat(warnings).hasSize(2).allMatch(w -> w.contains("running it again"));
        assertThat(warnings.get(0)).startsWith(truncated + ": ").contains(grid.configurations().get(9).id());
        assertThat(temp).doesNotExist();
    }

    @Test
    void aNonUtf8ByteOrAnEditedDigitInOneStateFileReRunsOnlyThatConfiguration() throws IOException {
        byte[] reference = uninterrupted();
        Path out = dir.resolve("edited");
        sweep(out, new SweepFixtures.CountingRunner(-1), new ArrayList<>());
        SweepGrid grid = grid();
        SweepState probe = SweepState.open(out, IDENTITY, w -> { });
        Path binary = probe.file(grid.configurations().get(3));
        Path edited = probe.file(grid.configurations().get(7));
        byte[] bytes = Files.readAllBytes(binary);
        bytes[40] = (byte) 0xff;
        Files.write(binary, bytes);
        String text = Files.readString(edited);
        java.util.regex.Matcher digit = java.util.regex.Pattern.compile("metric \\S+ \\d+ (\\d)").matcher(text);
        assertThat(digit.find()).isTrue();
        char d = text.charAt(digit.start(1));
        Files.writeString(edited, text.substring(0, digit.start(1)) + (char) (d == '9' ? '1' : d + 1)
                + text.substring(digit.start(1) + 1));

        List<String> warnings = new ArrayList<>();
        SweepFixtures.CountingRunner resumed = new SweepFixtures.CountingRunner(-1);
        assertThat(sweep(out, resumed, warnings)).isEqualTo(reference);
        assertThat(resumed.calls.get()).isEqualTo(2);
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).startsWith(binary + ":2: ").contains("not UTF-8").contains("running it again");
        assertThat(warnings.get(1)).startsWith(edited + ": ").contains("checksum does not match");
    }

    @Test
    void storedNumbersReadBackToTheSameBits() throws IOException {
        SweepGrid grid = grid();
        SweepState state = SweepState.open(dir, IDENTITY, w -> { });
        for (Configuration c : grid.configurations()) {
            SweepPoint point = SweepFixtures.point(c.overrides());
            state.save(c, point);
            assertThat(state.load(c)).contains(point);
        }
    }

    @Test
    void stateOfADifferentSweepIsRefused() {
        assertThatThrownBy(() -> sweep(dir, new SweepFixtures.CountingRunner(2), new ArrayList<>()))
                .isInstanceOf(ConfigurationFailedException.class);
        SweepIdentity otherScenario = SweepIdentity.of("name: t\nstorage: {groups: 2}\n", 7, 100);
        assertThatThrownBy(() -> SweepState.open(dir, otherScenario, w -> { }))
                .isInstanceOf(SweepInputException.class)
                .hasMessageContaining("holds the results of a different sweep")
                .hasMessageContaining("the scenario (or its --set values) changed")
                .hasMessageContaining("another --out folder");
        assertThatThrownBy(() -> SweepState.open(dir, SweepIdentity.of("name: t\nstorage: {}\n", 8, 100), w -> { }))
                .isInstanceOf(SweepInputException.class).hasMessageContaining("seed 7 there, 8 now");
        assertThatThrownBy(() -> SweepState.open(dir, SweepIdentity.of("name: t\nstorage: {}\n", 7, 1000), w -> { }))
                .isInstanceOf(SweepInputException.class).hasMessageContaining("replications 100 there, 1000 now");
        // Nothing was touched by the refusals: the same sweep still resumes.
        assertThat(SweepState.open(dir, IDENTITY, w -> { }).folder()).isDirectory();
    }

    @Test
    void extendingTheGridKeepsFinishedConfigurations() throws IOException {
        sweep(dir, new SweepFixtures.CountingRunner(-1), new ArrayList<>());
        Map<String, List<String>> wider = new LinkedHashMap<>();
        wider.put("storage.raid.level", List.of("raid5", "raid6"));
        wider.put("storage.raid.width", List.of("6", "8", "10", "12"));
        wider.put("storage.spares.hot", List.of("0", "1"));
        SweepGrid grid = SweepGrid.expand(wider);
        SweepFixtures.CountingRunner runner = new SweepFixtures.CountingRunner(-1);
        List<SweepRow> rows = Sweep.run(grid, runner, SweepState.open(dir, IDENTITY, w -> { }), new Sweep.Listener() { });
        assertThat(runner.calls.get()).isEqualTo(4);
        assertThat(rows.stream().filter(SweepRow::resumed).count()).isEqualTo(12);
        for (SweepRow row : rows) {
            assertThat(row.point()).isEqualTo(SweepFixtures.point(row.configuration().overrides()));
        }
    }

    @Test
    void baseTextIgnoresHeaderCommentsAndTheSweepBlock() {
        String a = "# scenario as run; read from a.yaml\nname: x\nstorage:\n  groups: 2\nsweep:\n"
                + "  storage.raid.width: [6, 8]\n";
        String b = "# scenario as run; read from /abs/a.yaml; --set x=1\nname: x\nstorage:\n  groups: 2\nsweep:\n"
                + "  storage.raid.width: [6, 8, 10]\n  storage.raid.level: [raid5]\n";
        String c = "# scenario as run; read from a.yaml\nname: x\nstorage:\n  groups: 3\nsweep:\n"
                + "  storage.raid.width: [6, 8]\n";
        assertThat(SweepIdentity.baseText(a)).isEqualTo(SweepIdentity.baseText(b)).isEqualTo("name: x\nstorage:\n  groups: 2\n");
        assertThat(SweepIdentity.baseText(c)).isNotEqualTo(SweepIdentity.baseText(a));
    }

    @Test
    void theEventBudgetIsNoPartOfTheIdentity() {
        // maxEvents changes no result, only whether a replication may finish: a resume or a shard run with a
        // larger budget is the same run.
        String a = "# scenario as run; read from a.yaml\nname: x\nmaxEvents: 2000000000\nstorage:\n  groups: 2\n";
        String b = "# scenario as run; read from a.yaml; --set maxEvents=5000000000\nname: x\nmaxEvents: 5000000000\n"
                + "storage:\n  groups: 2\n";
        assertThat(SweepIdentity.baseText(a)).isEqualTo(SweepIdentity.baseText(b)).doesNotContain("maxEvents")
                .startsWith("name: x\nstorage:\n  groups: 2\n");
        // Only the top-level key: a nested key of that name (there is none today) would count.
        assertThat(SweepIdentity.baseText("name: x\nstorage:\n  maxEvents: 3\n")).contains("maxEvents");
    }
}

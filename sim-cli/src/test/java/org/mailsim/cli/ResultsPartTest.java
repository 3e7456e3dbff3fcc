package org.mailsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsim.model.operations.CostModel;
import org.mailsim.portal.PortalExperiment.Replication;
import org.mailsim.run.Incident;
import org.mailsim.run.Severity;
import org.mailsim.run.Metric;
import org.mailsim.run.ReplicationResult;

class ResultsPartTest {
    private static final String SCENARIO = """
            name: part-test
            seed: 5
            replications: 10
            storage:
              raid: {level: raid5, width: 6}
              disk:
                capacity: 4TB
                lifetime: {distribution: exponential, mean: 70y}
            """;

    @TempDir
    Path dir;

    private static ResultsPart.Header header(int first, int last) {
        return new ResultsPart.Header("part-test", "ab".repeat(32), 5, 10, "1/3", first, last, "test", List.of());
    }

    /** A replication whose every number is awkward for a decimal round trip. */
    private static Replication replication(int index) {
        ReplicationResult.Builder b = new ReplicationResult.Builder();
        for (Metric m : Metric.values()) {
            b.set(m, (index + 1) / 3.0 * Math.pow(10, m.ordinal() - 4));
        }
        b.lossEvent("whole-array").observedHours(43_800 - index / 7.0);
        b.incident(new Incident(index, "g-" + index, "whole-array", 100.1 + index,
                List.of(new Incident.Phase("vendor recovery", 100.1 + index, 372.3 / 7 + 100.1 + index)), 25_000,
                0.1 + 0.2, 1e-300, Double.MIN_VALUE, 49.7, Double.NaN, Severity.ARRAY_LOSS));
        double[] cost = new double[CostModel.KEYS.length];
        for (int i = 0; i < cost.length; i++) {
            cost[i] = Math.PI * (i + index) * 1e3;
        }
        return new Replication(b.build(), new CostModel.Breakdown(cost));
    }

    private Path write(Path file, ResultsPart.Header header) throws IOException {
        return write(file, header, false);
    }

    private Path write(Path file, ResultsPart.Header header, boolean force) throws IOException {
        try (ResultsPart.Writer writer = ResultsPart.Writer.open(file, header, force)) {
            for (int i = header.first(); i <= header.last(); i++) {
                writer.write(replication(i));
            }
            return writer.commit();
        }
    }

    @Test
    void partRoundTripsEveryReplicationBitForBit() throws IOException {
        Path file = write(dir.resolve("part.jsonl"), header(3, 6));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).startsWith("{\"format\":\"mailsim-results 2\",\"scenario\":\"part-test\"");
        assertThat(lines.get(5)).matches("\\{\"end\":4,\"sha256\":\"[0-9a-f]{64}\"}");
        assertThat(lines.get(1)).startsWith("{\"replication\":3,\"metrics\":{");
        try (ResultsPart.Reader reader = ResultsPart.Reader.open(file)) {
            assertThat(reader.header()).isEqualTo(header(3, 6));
            for (int i = 3; i <= 6; i++) {
                assertThat(reader.hasNext()).isTrue();
                Replication back = reader.next();
                assertThat(back.result()).isEqualTo(replication(i).result());
                assertThat(back.result().incidents()).isEqualTo(replication(i).result().incidents());
                assertThat(back.cost()).isEqualTo(replication(i).cost());
            }
            assertThat(reader.hasNext()).isFalse();
        }
    }

    @Test
    void aPartAppearsOnlyWhenCompleteAndReplacesAFileOnlyWithForce() throws IOException {
        Path file = dir.resolve("part.jsonl");
        try (ResultsPart.Writer writer = ResultsPart.Writer.open(file, header(3, 6), false)) {
            writer.write(replication(3));
            assertThat(file).doesNotExist();
            assertThatThrownBy(writer::commit).hasMessageContaining("only replications 3..3 of 3..6");
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("temporary file removed").isEmpty();
        }
        write(file, header(3, 6));
        assertThatThrownBy(() -> write(file, header(3, 6))).isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("pass --force");
        try (ResultsPart.Writer writer = ResultsPart.Writer.open(file, header(7, 7), true)) {
            writer.write(replication(7));
            writer.commit();
        }
        assertThat(ResultsPart.Reader.header(file).range()).isEqualTo("7..7");
    }

    @Test
    void damagedPartsAreRefusedNamingFileAndLine() throws IOException {
        Path good = write(dir.resolve("good.jsonl"), header(3, 6));
        List<String> lines = Files.readAllLines(good);
        assertThat(problem("truncated.jsonl", lines.subList(0, 3))).isEqualTo(dir.resolve("truncated.jsonl")
                + ": ends after replication 4, but its header promises replications 3..6 (an interrupted copy?)");
        List<String> cut = new ArrayList<>(lines.subList(0, 3));
        cut.add(lines.get(3).substring(0, 100));
        assertThat(problem("cut.jsonl", cut)).startsWith(dir.resolve("cut.jsonl") + ":4: not a JSON line");
        List<String> trailing = new ArrayList<>(lines);
        trailing.set(2, lines.get(2) + " junk");
        assertThat(problem("trailing.jsonl", trailing)).startsWith(dir.resolve("trailing.jsonl") + ":3: not a JSON line");
        List<String> swapped = new ArrayList<>(lines);
        swapped.set(2, lines.get(3));
        swapped.set(3, lines.get(2));
        assertThat(problem("swapped.jsonl", swapped)).isEqualTo(dir.resolve("swapped.jsonl")
                + ":3: replication 5 where 4 was expected (a part holds replications 3..6 in order)");
        List<String> extra = new ArrayList<>(lines);
        extra.add(5, lines.get(4));
        assertThat(problem("extra.jsonl", extra)).startsWith(dir.resolve("extra.jsonl")
                + ":6: more lines after replication 6, where the trailer with the part's checksum belongs");
        List<String> afterTrailer = new ArrayList<>(lines);
        afterTrailer.add(lines.get(4));
        assertThat(problem("after-trailer.jsonl", afterTrailer)).isEqualTo(dir.resolve("after-trailer.jsonl")
                + ":7: more lines after the trailer");
        assertThat(problem("no-trailer.jsonl", lines.subList(0, 5))).startsWith(dir.resolve("no-trailer.jsonl")
                + ":6: ends after replication 6, where the trailer");
        List<String> noCost = new ArrayList<>(lines);
        noCost.set(1, lines.get(1).replaceFirst(",\"cost\":\\{.*}}$", "}"));
        assertThat(problem("no-cost.jsonl", noCost)).isEqualTo(dir.resolve("no-cost.jsonl")
                + ":2: cost: missing (expected an object of amounts)");
        List<String> badMetric = new ArrayList<>(lines);
        badMetric.set(1, lines.get(1).replace("\"mailsLost\":", "\"mailsLost\":true,\"x\":"));
        assertThat(problem("bad-metric.jsonl", badMetric)).isEqualTo(dir.resolve("bad-metric.jsonl")
                + ":2: metrics.mailsLost: expected a number, got true");
        assertThat(problem("not-a-part.jsonl", List.of("name: part-test")))
                .startsWith(dir.resolve("not-a-part.jsonl") + ":1: not a mailsim results file");
        assertThat(problem("empty.jsonl", List.of())).endsWith("empty.jsonl: empty; not a mailsim results file");
        Path binary = dir.resolve("binary.jsonl");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertThatThrownBy(() -> ResultsPart.Reader.header(binary)).hasMessage(binary
                + ": not UTF-8 text; not a mailsim results file (damaged?)");
    }

    @Test
    void editedValuesAndBodiesOfAnotherRunAreRefusedByTheChecksum() throws IOException {
        List<String> lines = Files.readAllLines(write(dir.resolve("good.jsonl"), header(3, 6)));
        String damaged = ": damaged: its checksum does not match its content";
        // One digit edited: still a valid line, so only the checksum can tell.
        List<String> digit = new ArrayList<>(lines);
        digit.set(2, lines.get(2).replace("\"mailsLost\":0.016666666666666666", "\"mailsLost\":0.016666666666666667"));
        assertThat(digit.get(2)).isNotEqualTo(lines.get(2));
        assertThat(problem("digit.jsonl", digit)).startsWith(dir.resolve("digit.jsonl") + damaged);
        List<String> negative = new ArrayList<>(lines);
        negative.set(1, lines.get(1).replace("\"mailsLost\":0.013333333333333332", "\"mailsLost\":-33000000"));
        assertThat(problem("negative.jsonl", negative)).startsWith(dir.resolve("negative.jsonl") + damaged);
        // The body of another run (seed 6) under this run's header.
        ResultsPart.Header otherSeed = new ResultsPart.Header("part-test", "ab".repeat(32), 6, 10, "1/3", 3, 6,
                "test", List.of());
        List<String> other = Files.readAllLines(write(dir.resolve("other.jsonl"), otherSeed));
        List<String> spliced = new ArrayList<>(other);
        spliced.set(0, lines.get(0));
        assertThat(problem("spliced.jsonl", spliced)).startsWith(dir.resolve("spliced.jsonl") + damaged);
        // A part in the format before checksums: run again, not merged unchecked.
        List<String> old = new ArrayList<>(lines);
        old.set(0, lines.get(0).replace("mailsim-results 2", "mailsim-results 1"));
        assertThat(problem("old.jsonl", old)).contains("format 'mailsim-results 1'").contains("run the shard again");
    }

    @Test
    void forceReplacesOnlyAResultsFileNeverTheInputADeviceOrAnotherFile() throws IOException {
        Path scenario = Files.writeString(dir.resolve("scenario.yaml"), SCENARIO);
        Path notes = Files.writeString(dir.resolve("notes.txt"), "mine\n");
        for (Path target : List.of(scenario, notes, Path.of("/dev/null"))) {
            assertThatThrownBy(() -> write(target, header(3, 6), true)).as(target.toString())
                    .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("not replacing it");
        }
        assertThat(scenario).hasContent(SCENARIO.stripTrailing());
        assertThat(notes).hasContent("mine");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("scenario.yaml",
                    "notes.txt");
        }
        Path part = write(dir.resolve("part.jsonl"), header(3, 6));
        write(part, header(7, 7), true);
        assertThat(ResultsPart.Reader.header(part).range()).isEqualTo("7..7");
    }

    @Test
    void aDeviceOrFifoIsNotReadAsAPart() {
        assertThatThrownBy(() -> ResultsPart.Reader.header(Path.of("/dev/zero")))
                .isInstanceOf(ResultsPart.InvalidPartException.class).hasMessageContaining("not a regular file");
    }

    private String problem(String name, List<String> lines) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, lines, StandardCharsets.UTF_8);
        try (ResultsPart.Reader reader = ResultsPart.Reader.open(file)) {
            while (reader.hasNext()) {
                reader.next();
            }
        } catch (ResultsPart.InvalidPartException e) {
            return e.getMessage();
        }
        throw new AssertionError(name + " was accepted");
    }

    @Test
    void scenarioHashIgnoresPathsAndCommentsButNotBoundValues() throws IOException {
        Path a = dir.resolve("a.yaml");
        Path b = Files.createDirectories(dir.resolve("elsewhere")).resolve("b.yaml");
        Files.writeString(a, SCENARIO);
        Files.writeString(b, "# copied to another machine\n" + SCENARIO);
        String hash = ResultsPart.scenarioHash(Pipeline.load(a, List.of()).scenario());
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(ResultsPart.scenarioHash(Pipeline.load(b, List.of()).scenario())).isEqualTo(hash);
        // A --set that only restates the file's value binds the same scenario.
        assertThat(ResultsPart.scenarioHash(Pipeline.load(a, List.of("seed=5")).scenario())).isEqualTo(hash);
        for (String set : List.of("seed=6", "replications=11", "storage.raid.width=7")) {
            assertThat(ResultsPart.scenarioHash(Pipeline.load(a, List.of(set)).scenario())).as(set).isNotEqualTo(hash);
        }
    }

    @Test
    void shardsCutAnyRunIntoContiguousBlocksOfNearlyEqualSize() {
        for (int replications : new int[] {1, 2, 7, 10, 1000, Integer.MAX_VALUE}) {
            for (int count = 1; count <= Math.min(replications, 13); count++) {
                int next = 0;
                for (int index = 0; index < count; index++) {
                    Shard shard = new Shard(index, count);
                    assertThat(shard.first(replications)).isEqualTo(next);
                    assertThat((long) shard.size(replications)).isBetween((long) replications / count,
                            (long) replications / count + 1);
                    next += shard.size(replications);
                }
                assertThat(next).as("%d replications in %d shards", replications, count).isEqualTo(replications);
            }
        }
        assertThat(Shard.parse(" 2/5 ")).isEqualTo(new Shard(2, 5));
        assertThat(new Shard(1, 3).runsConfiguration(4)).isTrue();
        assertThat(new Shard(1, 3).runsConfiguration(5)).isFalse();
        for (String bad : List.of("3/3", "-1/3", "1/0", "1", "1/2/3", "a/b", "", "1/99999999999")) {
            assertThatThrownBy(() -> Shard.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected I/N");
        }
    }
}

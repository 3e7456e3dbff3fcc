package org.mailsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mailsim.scenario.yaml.MapNode;
import org.mailsim.scenario.yaml.Node;
import org.mailsim.scenario.yaml.ScalarNode;
import org.mailsim.scenario.yaml.YamlReader;

class YamlReaderTest {
    private final List<Problem> problems = new ArrayList<>();

    private Node read(String text) {
        return YamlReader.read(text, "f.yaml", problems);
    }

    @Test
    void everyNodeKnowsLineAndColumn() {
        MapNode root = (MapNode) read("name: a\nstorage:\n  disk:\n    capacity: 4TB\n");
        assertThat(problems).isEmpty();
        MapNode storage = (MapNode) root.get("storage");
        MapNode.Entry disk = storage.entries().get("disk");
        assertThat(disk.keyLocation()).isEqualTo(new Location("f.yaml", 3, 3));
        ScalarNode capacity = (ScalarNode) ((MapNode) disk.value()).get("capacity");
        assertThat(capacity.text()).isEqualTo("4TB");
        assertThat(capacity.location()).isEqualTo(new Location("f.yaml", 4, 15));
    }

    @Test
    void duplicateKeysAreAllReported() {
        read("a: 1\nb: 2\na: 3\nb: 4\n");
        assertThat(problems).extracting(Problem::line).containsExactly(3, 4);
        assertThat(problems.get(0).message()).contains("duplicate key 'a'", "line 1");
    }

    @Test
    void tabsInIndentationAreReportedWhereTheyAre() {
        read("storage:\n\tgroups: 2\n  raid:\n \t level: raid5\n");
        assertThat(problems).extracting(Problem::line).containsExactly(2, 4);
        assertThat(problems.get(1).column()).isEqualTo(2);
        assertThat(problems.get(0).message()).contains("tab");
    }

    @Test
    void syntaxErrorsHaveALocation() {
        assertThat(read("name: a\nstorage: [1, 2\nx: 3\n")).isNull();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line()).isGreaterThan(1);
        assertThat(problems.get(0).message()).startsWith("YAML syntax error");
    }

    @Test
    void aSecondDocumentIsRefused() {
        read("name: a\n---\nname: b\n");
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("second YAML document"));
    }

    @Test
    @Timeout(5)
    void aliasBombIsRefusedQuickly() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p);
            for (int i = 0; i < 8; i++) {
                bomb.append(", *").append(p);
            }
            bomb.append("]\n");
        }
        assertThat(read(bomb.toString())).isNull();
        assertThat(problems).isNotEmpty();
        assertThat(problems.get(0).message()).contains("alias '*a' is not accepted");
        assertThat(problems.get(0).line()).isEqualTo(2);
    }

    @Test
    @Timeout(5)
    void deepNestingIsRefusedQuickly() {
        int depth = 100_000;
        String deep = "a: " + "[".repeat(depth) + "]".repeat(depth) + "\n";
        assertThat(read(deep)).isNull();
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("nesting deeper"));
        problems.clear();
        assertThat(read("a: " + "{b: ".repeat(depth) + "1" + "}".repeat(depth))).isNull();
        assertThat(problems.get(0).message()).contains("nesting deeper");
    }

    @Test
    @Timeout(5)
    void hugeFileIsRefusedBeforeReading(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yaml");
        // A sparse 50 MiB file: written at once (a busy machine would take seconds to write real bytes), and a
        // reader that read it before checking its size would still take long over it.
        try (var file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(50L << 20);
        }
        assertThat(YamlReader.read(big, "big.yaml", problems)).isNull();
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("too large"));
    }

    @Test
    void emptyFileAndNotUtf8(@TempDir Path dir) throws IOException {
        assertThat(read("")).isNull();
        assertThat(problems.get(0).message()).contains("empty");
        problems.clear();
        Path latin1 = dir.resolve("l.yaml");
        Files.write(latin1, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9, '\n'});
        assertThat(YamlReader.read(latin1, "l.yaml", problems)).isNull();
        assertThat(problems.get(0).message()).contains("UTF-8");
    }
}

package org.mailsim.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailsim.cli.Main;
import picocli.CommandLine;

/**
 * The malformed-scenario corpus (src/test/resources/malformed): every file must be refused by {@code mailsim
 * validate} with exit code 2, a message naming the expected line and key path, no stack trace and no file written.
 * Each corpus file states what it expects in its header: {@code # expect: LOCATION KEY FRAGMENT}, where LOCATION is a
 * line of the file itself, {@code other/file.yaml:LINE} (relative to the corpus) or {@code --set}, and KEY is
 * {@code -} for problems not about a key (syntax, tabs). {@code # args: --set k=v} adds command-line arguments.
 */
class MalformedScenarioTest {
    static final Path ROOT = Path.of(System.getProperty("mailsim.root", "../.."));
    static final Path CORPUS = ROOT.resolve("src/test/resources/malformed").toAbsolutePath().normalize();
    static final Path JAR = Path.of(System.getProperty("mailsim.jar", ROOT + "/sim-cli/target/mailsim.jar"));

    private static Map<String, String> before;

    record Result(int exit, String out, String err) {
    }

    static List<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @BeforeAll
    static void snapshot() throws IOException {
        before = tree(CORPUS);
    }

    @AfterAll
    static void nothingWasWrittenIntoTheCorpus() throws IOException {
        assertThat(tree(CORPUS)).isEqualTo(before);
    }

    /** Every file under dir with its size and modification time. */
    static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                out.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "dir"
                        : Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return out;
    }

    static Result inProcess(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    static Result subprocess(Path workDir, long timeoutSeconds, String... args) throws Exception {
        assertThat(JAR).as("the shaded jar; build with mvn -pl sim-cli,src/test -am verify").exists();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("mailsim-out", ".txt");
        Path err = Files.createTempFile("mailsim-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("mailsim " + String.join(" ", args) + " took over " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void corpusHasAtLeastThirtyScenarios() throws IOException {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refusedWithLineAndKey(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("validate", file.toString()));
        List<String[]> expects = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("# expect: ")) {
                expects.add(line.substring("# expect: ".length()).split(" ", 3));
            } else if (line.startsWith("# args: ")) {
                args.addAll(List.of(line.substring("# args: ".length()).split(" ")));
            }
        }
        assertThat(expects).as(file + " has no '# expect:' header").isNotEmpty();

        Result r = inProcess(args.toArray(String[]::new));

        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).doesNotContain(": ok");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        List<String> problems = r.err().lines().toList();
        for (String[] e : expects) {
            String location = e[0];
            String key = e[1];
            String fragment = e[2];
            String prefix;
            if (location.equals("--set")) {
                prefix = "--set ";
            } else if (location.contains(":")) {
                int colon = location.lastIndexOf(':');
                prefix = CORPUS.resolve(location.substring(0, colon)).normalize() + ":" + location.substring(colon + 1)
                        + ":";
            } else {
                prefix = file + ":" + location + ":";
            }
            String keyPart = key.equals("-") ? "" : ": " + key + ": ";
            assertThat(problems).as("stderr of validate %s:%n%s", file.getFileName(), r.err())
                    .anySatisfy(line -> {
                        assertThat(line).startsWith(prefix);
                        assertThat(line).contains(keyPart);
                        assertThat(line).contains(fragment);
                    });
        }
    }

    @Test
    void wholeCorpusAsSubprocessWritesNothing(@TempDir Path workDir) throws Exception {
        List<String> args = new ArrayList<>(List.of("validate"));
        for (Path p : corpus()) {
            args.add(p.toString());
        }
        args.add(CORPUS.resolve("bases/invalid-base.yaml").toString());
        Result r = subprocess(workDir, 60, args.toArray(String[]::new));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        for (Path p : corpus()) {
            // Files whose problem comes from a --set argument are valid on their own: "FILE: ok" on stdout.
            assertThat(r.out() + r.err()).contains(p + ": ");
        }
        try (Stream<Path> left = Files.list(workDir)) {
            assertThat(left).as("files written by validate").isEmpty();
        }
    }

    @Test
    void validScenarioPassesAndSetCanBreakIt(@TempDir Path dir) throws IOException {
        Path ok = dir.resolve("ok.yaml");
        Files.writeString(ok, """
                name: ok
                storage:
                  raid: {level: raid5, width: 6}
                  disk:
                    capacity: 4TB
                    lifetime: {distribution: exponential, mean: 70y}
                """);
        Result r = inProcess("validate", ok.toString(), ok.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(ok + ": ok" + System.lineSeparator() + ok + ": ok" + System.lineSeparator());
        r = inProcess("validate", ok.toString(), "--set", "storage.raid.level=raid6", "--set",
                "storage.raid.width=3");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--set storage.raid.width=3: storage.raid.width: raid6 needs at least 4 disks");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(ok);
        }
    }

    // ------------------------------------------------------------------ hostile input, refused within seconds

    @Test
    void aliasBombIsRefusedWithinSeconds(@TempDir Path dir) throws Exception {
        StringBuilder bomb = new StringBuilder("name: bomb\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }
        assertHostileRefused(dir, "bomb.yaml", bomb.toString().getBytes(StandardCharsets.UTF_8), "bomb.yaml:3:",
                "alias '*a' is not accepted");
    }

    @Test
    void hundredThousandDeepNestingIsRefusedWithinSeconds(@TempDir Path dir) throws Exception {
        int depth = 100_000;
        String deep = "name: deep\nx: " + "[".repeat(depth) + "]".repeat(depth) + "\n";
        assertHostileRefused(dir, "deep.yaml", deep.getBytes(StandardCharsets.UTF_8), "deep.yaml:2:",
                "nesting deeper than");
    }

    @Test
    void fiftyMegabyteFileIsRefusedWithinSeconds(@TempDir Path dir) throws Exception {
        byte[] line = ("# padding padding padding padding padding padding padding padding padding padding\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] big = new byte[50 << 20];
        for (int i = 0; i < big.length; i++) {
            big[i] = line[i % line.length];
        }
        assertHostileRefused(dir, "big.yaml", big, "big.yaml:1:1:", "too large for a scenario");
    }

    private static void assertHostileRefused(Path dir, String name, byte[] content, String where, String message)
            throws Exception {
        Path input = dir.resolve("input");
        Files.createDirectories(input);
        Path file = input.resolve(name);
        Files.write(file, content);
        Path work = Files.createDirectories(dir.resolve("work"));
        long start = System.nanoTime();
        Result r = subprocess(work, 30, "validate", file.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(input + java.io.File.separator + where).contains(message)
                .doesNotContain("Exception", "\tat ");
        // Bounded by the subprocess's 30 s timeout, not timed here: a loaded machine takes seconds to start a JVM.
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).isEmpty();
        }
        System.out.printf("refused %s (%d bytes) in %.2f s including JVM start%n", name, content.length, seconds);
    }
}

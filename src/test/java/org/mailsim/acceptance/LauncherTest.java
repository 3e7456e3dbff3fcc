package org.mailsim.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./mailsim} launcher's class-data archive: made once per jar beside it, whole or not at all, used by the
 * JVM, and never a word on stdout or stderr, so {@code --format json} stays one document. Runs a copy of the launcher
 * with the built jar in a temporary folder laid out like the repository.
 */
class LauncherTest {
    private static final Path ROOT = MalformedScenarioTest.ROOT;
    private static final String[] RUN = {"run", "scenarios/elerath-pecht-2009.yaml", "--set",
        "storage.arraysPerGroup=1", "--replications", "3", "--threads", "1", "--no-report", "--format", "json"};

    @TempDir
    Path home;
    private Path target;

    @BeforeEach
    void layOut() throws IOException {
        assertThat(MalformedScenarioTest.JAR).as("the shaded jar").exists();
        target = Files.createDirectories(home.resolve("sim-cli/target"));
        Files.copy(MalformedScenarioTest.JAR, target.resolve("mailsim.jar"));
        Files.copy(ROOT.resolve("mailsim"), home.resolve("mailsim"));
        home.resolve("mailsim").toFile().setExecutable(true);
        Files.createDirectories(home.resolve("scenarios"));
        Files.copy(ROOT.resolve("scenarios/elerath-pecht-2009.yaml"), home.resolve("scenarios/elerath-pecht-2009.yaml"));
    }

    @Test
    void makesOneArchivePerJarThatTheJvmMapsAndPrintsNothingOfIt() throws Exception {
        String expected = run(List.of("java", "-jar", target.resolve("mailsim.jar").toString()), RUN).out();

        Output first = launch(RUN);
        assertThat(first).isEqualTo(new Output(0, expected, ""));
        List<Path> archives = archives();
        assertThat(archives).hasSize(1);
        FileTime made = Files.getLastModifiedTime(archives.get(0));

        assertThat(launch(RUN)).isEqualTo(first);
        assertThat(archives()).containsExactlyElementsOf(archives);
        assertThat(Files.getLastModifiedTime(archives.get(0))).as("not made again").isEqualTo(made);

        // The JVM maps it: mailsim's classes come from the archive, not from the jar.
        Output loaded = run(List.of("java", "-XX:+UseSerialGC", "-XX:SharedArchiveFile=" + archives.get(0),
                "-Xlog:class+load", "-jar", target.resolve("mailsim.jar").toString()), RUN);
        assertThat(loaded.out()).contains("org.mailsim.scenario.Scenario source: shared objects file (top)");

        // A rebuilt jar gets its own archive; the old one goes.
        Files.setLastModifiedTime(target.resolve("mailsim.jar"), FileTime.fromMillis(made.toMillis() + 60_000));
        assertThat(launch(RUN)).isEqualTo(first);
        assertThat(archives()).hasSize(1).doesNotContainAnyElementsOf(archives);
    }

    @Test
    void launchesAtOnceEachGetTheSameOutputAndLeaveOneWholeArchive() throws Exception {
        List<Process> processes = new ArrayList<>();
        List<Path> outs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path out = home.resolve("out" + i + ".json");
            outs.add(out);
            processes.add(new ProcessBuilder(command(RUN)).directory(home.toFile()).redirectOutput(out.toFile())
                    .redirectError(home.resolve("err" + i + ".txt").toFile()).start());
        }
        for (int i = 0; i < processes.size(); i++) {
            assertThat(processes.get(i).waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(processes.get(i).exitValue()).isZero();
            assertThat(Files.readString(home.resolve("err" + i + ".txt"))).isEmpty();
            assertThat(Files.readString(outs.get(i))).isEqualTo(Files.readString(outs.get(0))).startsWith("{");
        }
        assertThat(archives()).hasSize(1);
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly(archives().get(0).getFileName().toString(), "mailsim.jar");
        }
        assertThat(launch(RUN).out()).isEqualTo(Files.readString(outs.get(0)));
    }

    @Test
    void mailsimJavaOptsReplaceEveryOptionAndMakeNoArchive() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command("--version")).directory(home.toFile());
        builder.environment().put("MAILSIM_JAVA_OPTS", "-Xmx64m");
        Output out = run(builder);
        assertThat(out.exit()).isZero();
        assertThat(out.out()).startsWith("mailsim ");
        assertThat(archives()).isEmpty();
    }

    private record Output(int exit, String out, String err) {
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("mailsim").toString()));
        command.addAll(List.of(args));
        return command;
    }

    private Output launch(String... args) throws Exception {
        return run(new ProcessBuilder(command(args)).directory(home.toFile()));
    }

    private Output run(List<String> prefix, String... args) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(args));
        return run(new ProcessBuilder(command).directory(home.toFile()));
    }

    private Output run(ProcessBuilder builder) throws Exception {
        Path out = Files.createTempFile("launcher-out", ".txt");
        Path err = Files.createTempFile("launcher-err", ".txt");
        try {
            Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
            return new Output(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsa")).sorted().toList();
        }
    }
}

package org.mailsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsim.run.Incident;
import org.mailsim.run.Severity;
import org.mailsim.run.ReplicationResult;
import org.mailsim.run.RunStatistics;

class ReportFolderTest {
    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]*)\"");
    private static final Pattern IMAGE = Pattern.compile(
            "<img src=\"([^\"]+)\" width=\"(\\d+)\" height=\"(\\d+)\"");

    @TempDir
    Path parent;

    @Test
    void pageRefersOnlyToFilesInTheFolderAndEveryPngDecodesToItsStatedSize() throws IOException {
        RunReport report = ReportFixtures.report(ReportFixtures.withLoss());
        Path folder = ReportFolder.write(report, parent.resolve("portal-20250101-120000"), false);

        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
        assertThat(folder.resolve("summary.json")).hasContent(ReportJson.toJson(report).stripTrailing());
        assertThat(folder.resolve("summary.csv")).exists();
        assertThat(folder.resolve("incidents.csv")).exists();
        String html = Files.readString(folder.resolve("index.html"));

        List<String> references = all(REFERENCE, html, 1);
        assertThat(references).contains("summary.json", "summary.csv", "incidents.csv", "replications.csv");
        for (String reference : references) {
            assertThat(reference).as("a file in the folder, not a URL or a path out of it")
                    .doesNotContain("/", ":", "..");
            assertThat(folder.resolve(reference)).as(reference).isRegularFile();
        }

        Matcher images = IMAGE.matcher(html);
        int count = 0;
        while (images.find()) {
            count++;
            BufferedImage image = ImageIO.read(folder.resolve(images.group(1)).toFile());
            assertThat(image).as(images.group(1) + " decodes").isNotNull();
            // Drawn at twice the size the page shows it, for high-density screens and projectors.
            assertThat(image.getWidth()).isEqualTo(ReportCharts.SCALE * Integer.parseInt(images.group(2)));
            assertThat(image.getHeight()).isEqualTo(ReportCharts.SCALE * Integer.parseInt(images.group(3)));
        }
        // Loss-event and user-hour distributions, 5 incident timelines, the worst incident's users, cost.
        assertThat(count).isEqualTo(2 + 5 + 1 + 1);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.filter(f -> f.toString().endsWith(".png")).count()).isEqualTo(count);
        }
        // What the page must show to reproduce the run, and nothing unescaped from the scenario text.
        assertThat(html).contains("mailsim run scenarios/portal-baseline.yaml --seed 42 --replications 200")
                .contains("seed 42").contains("mailsim test").contains("name: portal-baseline")
                .contains("&lt;script&gt;").doesNotContain("<script>")
                .contains("Reported and simulated timeline").contains("service restored");
        assertThat(siblings()).containsExactly("portal-20250101-120000");
    }

    @Test
    void replicationsCsvHoldsEveryReplicationInOrderAndReadsBackExactly() throws IOException {
        RunStatistics stats = ReportFixtures.withLoss();
        RunReport report = ReportFixtures.report(stats);
        Path folder = ReportFolder.write(report, parent.resolve("r"), false);
        ReplicationsCsv.Columns back = ReplicationsCsv.read(folder.resolve("replications.csv"));
        assertThat(back.rows()).isEqualTo(ReportFixtures.REPLICATIONS);
        assertThat(back.columns().keySet()).startsWith("replication", "lostData", "arrayLoss", "outage",
                "sectorLoss", "diskFailures").doesNotContain("hoursToRestoreService", "hoursToFullRecovery")
                .hasSize(5 + org.mailsim.run.Metric.values().length - 2);
        double lost = 0;
        for (int i = 0; i < back.rows(); i++) {
            assertThat(back.column("replication")[i]).isEqualTo(i);
            assertThat(back.column("diskFailures")[i]).isEqualTo(i % 5);
            assertThat(back.column("lostData")[i]).isEqualTo(i % 40 == 0 ? 1 : 0);
            lost += back.column("lostData")[i];
        }
        assertThat((long) lost).isEqualTo(report.replicationsWithLoss());
        // The same bits as the run's own values, so a paired comparison from the file is the run's.
        for (org.mailsim.run.Metric m : org.mailsim.run.ReplicationTable.METRICS) {
            for (int i = 0; i < back.rows(); i++) {
                assertThat(back.column(m.key())[i]).as(m.key()).isEqualTo(report.replicationTable().value(i, m));
            }
        }
        assertThat(Files.readString(folder.resolve("summary.json"))).doesNotContain("replications.csv");

        // A bad file is refused naming its line and column.
        Path bad = parent.resolve("bad.csv");
        Files.writeString(bad, "replication,lostData,diskFailures\n0,0,3\n1,0,x\n");
        assertThatThrownBy(() -> ReplicationsCsv.read(bad)).hasMessageContaining("bad.csv:3")
                .hasMessageContaining("diskFailures");
        Files.writeString(bad, "replication,lostData\n0,0\n2,0\n");
        assertThatThrownBy(() -> ReplicationsCsv.read(bad)).hasMessageContaining("bad.csv:3")
                .hasMessageContaining("in order");
    }

    @Test
    void aRunWithoutLossOrCostStillGivesACompletePage() throws IOException {
        RunReport report = RunReport.builder("quiet", ReportFixtures.noLoss()).seed(1).horizonHours(100)
                .version("test").build();
        Path folder = ReportFolder.write(report, parent.resolve("quiet"), false);
        String html = Files.readString(folder.resolve("index.html"));
        assertThat(html).contains("not observed in 100 replications; upper bound").contains("No storage incident");
        for (String reference : all(REFERENCE, html, 1)) {
            assertThat(folder.resolve(reference)).isRegularFile();
        }
        assertThat(all(IMAGE, html, 1)).containsExactly("data-loss-events.png", "user-hours-unavailable.png");
    }

    @Test
    void aWriterFailingMidwayLeavesNoFolderAtAll() throws IOException {
        Path target = parent.resolve("report");
        RunReport report = ReportFixtures.report(ReportFixtures.withLoss());
        assertThatThrownBy(() -> ReportFolder.writeAtomically(target, false, folder -> {
            ReportFolder.writeString(folder.resolve("summary.json"), ReportJson.toJson(report));
            ReportCharts.writeAll(report, folder);
            throw new IOException("disk full (injected)");
        })).isInstanceOf(IOException.class).hasMessageContaining("injected");
        assertThat(target).doesNotExist();
        assertThat(siblings()).isEmpty();
    }

    @Test
    void aFailureWhileReplacingKeepsTheOldReportWhole() throws IOException {
        RunReport report = ReportFixtures.report(ReportFixtures.withLoss());
        Path target = ReportFolder.write(report, parent.resolve("report"), false);
        String before = Files.readString(target.resolve("index.html"));
        assertThatThrownBy(() -> ReportFolder.writeAtomically(target, true, folder -> {
            ReportFolder.writeString(folder.resolve("summary.json"), "{}");
            throw new IllegalStateException("crash (injected)");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(target.resolve("index.html"))).isEqualTo(before);
        assertThat(target.resolve("summary.json")).hasContent(ReportJson.toJson(report).stripTrailing());
        assertThat(siblings()).containsExactly("report");
    }

    @Test
    void anExistingFolderIsRefusedWithoutForceAndReplacedWithIt() throws IOException {
        Path target = parent.resolve("report");
        RunReport first = ReportFixtures.report(ReportFixtures.withLoss());
        ReportFolder.write(first, target, false);
        Files.writeString(target.resolve("note.txt"), "from the first run");

        RunReport second = ReportFixtures.report(ReportFixtures.noLoss());
        assertThatThrownBy(() -> ReportFolder.write(second, target, false))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("--force");
        assertThat(target.resolve("note.txt")).exists();
        assertThat(target.resolve("summary.json")).hasContent(ReportJson.toJson(first).stripTrailing());

        ReportFolder.write(second, target, true);
        assertThat(target.resolve("note.txt")).doesNotExist();
        assertThat(target.resolve("summary.json")).hasContent(ReportJson.toJson(second).stripTrailing());
        assertThat(siblings()).containsExactly("report");
    }

    @Test
    void forceNeverReplacesSomethingThatIsNotAReport() throws IOException {
        Path home = Files.createDirectory(parent.resolve("home"));
        Files.writeString(home.resolve("thesis.tex"), "years of work");
        Path file = Files.writeString(parent.resolve("file.txt"), "x");
        RunReport report = ReportFixtures.report(ReportFixtures.noLoss());

        assertThatThrownBy(() -> ReportFolder.write(report, home, true))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("not a mailsim report");
        assertThatThrownBy(() -> ReportFolder.write(report, file, true))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("not a folder");
        assertThat(home.resolve("thesis.tex")).hasContent("years of work");
        assertThat(siblings()).containsExactlyInAnyOrder("home", "file.txt");

        Path empty = Files.createDirectory(parent.resolve("empty"));
        ReportFolder.write(report, empty, true);
        assertThat(empty.resolve("index.html")).exists();
    }

    @Test
    void aFolderHoldingASummaryJsonButNoMarkerIsNotReplaced() throws IOException {
        // What mailsim did not write is never deleted: a file named summary.json proves nothing.
        Path lookalike = Files.createDirectory(parent.resolve("lookalike"));
        Files.writeString(lookalike.resolve("summary.json"), "{}");
        Files.createDirectory(lookalike.resolve("sub"));
        Files.writeString(lookalike.resolve("sub/data.txt"), "keep");
        Files.writeString(lookalike.resolve(ReportFolder.MARKER), "something else\n");
        RunReport report = ReportFixtures.report(ReportFixtures.noLoss());
        assertThatThrownBy(() -> ReportFolder.write(report, lookalike, true))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("not a mailsim report");
        assertThat(lookalike.resolve("sub/data.txt")).hasContent("keep");

        Path written = ReportFolder.write(report, parent.resolve("real"), false);
        assertThat(written.resolve(ReportFolder.MARKER)).hasContent(ReportFolder.MARKER_LINE);
        assertThat(ReportFolder.isReport(written)).isTrue();
    }

    @Test
    void leftoversOfAWriterKilledWithSigkillAreRemovedByTheNextWrite() throws IOException {
        Path tmp = Files.createDirectory(parent.resolve(".report.tmp-123"));
        Files.writeString(tmp.resolve("summary.json"), "{}");
        Path old = Files.createDirectory(parent.resolve(".report.old-abc"));
        Path fresh = Files.createDirectory(parent.resolve(".report.tmp-456"));
        Path unrelated = Files.createDirectory(parent.resolve(".other.tmp-1"));
        java.nio.file.attribute.FileTime hourAgo = java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - 3_600_000);
        for (Path p : List.of(tmp, old, unrelated)) {
            Files.setLastModifiedTime(p, hourAgo);
        }
        ReportFolder.write(ReportFixtures.report(ReportFixtures.noLoss()), parent.resolve("report"), false);
        // A minute-old leftover may still be a writer at work: only older ones go, and only of this name.
        assertThat(siblings()).containsExactlyInAnyOrder("report", ".report.tmp-456", ".other.tmp-1");
        assertThat(fresh).exists();
    }

    @Test
    void missingParentFoldersAreCreated() throws IOException {
        Path target = parent.resolve("reports/deep/run");
        ReportFolder.write(ReportFixtures.report(ReportFixtures.noLoss()), target, false);
        assertThat(target.resolve("index.html")).exists();
    }

    @Test
    void degenerateIncidentsStillRender() throws IOException {
        RunStatistics stats = new RunStatistics();
        stats.add(new ReplicationResult.Builder().lossEvent("scripted").observedHours(10)
                .incident(new Incident(0, "g", "scripted", 5, List.of(), 0, 0, 0, 0, 0, 0, Severity.ARRAY_LOSS))
                .incident(new Incident(0, "g", "scripted", 6,
                        List.of(new Incident.Phase("failure", 6, 6), new Incident.Phase("detected", 6, 6)),
                        10, 0, 0, 0, 0, 0, Severity.ARRAY_LOSS))
                .build());
        RunReport report = RunReport.builder("odd", stats).horizonHours(10).version("test").build();
        Path folder = ReportFolder.write(report, parent.resolve("odd"), false);
        String html = Files.readString(folder.resolve("index.html"));
        Matcher images = IMAGE.matcher(html);
        int count = 0;
        while (images.find()) {
            count++;
            assertThat(ImageIO.read(folder.resolve(images.group(1)).toFile())).isNotNull();
        }
        assertThat(count).isEqualTo(2 + 2 + 1);
        assertThat(Files.readString(folder.resolve("summary.json"))).doesNotContain("Infinity", "NaN");
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> all(Pattern pattern, String text, int group) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(group));
        }
        return found;
    }
}

package org.mailsim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.mailsim.files.AtomicFiles;

/**
 * Writes a report folder all at once or not at all ({@link AtomicFiles#writeFolder}): a crash or a failing writer
 * leaves at most a hidden {@code .NAME.tmp-*} folder beside the target (removed by the next write of that name),
 * never a half-written report. Every report folder holds a {@value #MARKER} file whose first line is
 * {@value #MARKER_LINE}; an existing target is refused unless {@code force}, and then replaced only when it is empty
 * or carries that marker, so a mistyped {@code --out ~ --force}, or a folder that merely holds a file named
 * summary.json, is never deleted.
 */
public final class ReportFolder {
    /** The file marking a folder as written by mailsim (a run or a replay report), and so replaceable with force. */
    public static final String MARKER = ".mailsim-report";
    /** The marker's first line: what wrote the folder, with the marker's format version. */
    public static final String MARKER_LINE = "mailsim-report 1";
    /** The file of a replay report folder (mailsim replay). */
    public static final String REPLAY_MARKER = "replay.json";
    public static final List<String> DATA_FILES = List.of("summary.json", "summary.csv", "incidents.csv");

    /** Fills a (new, empty) folder with a report's files. */
    @FunctionalInterface
    public interface Contents {
        void writeInto(Path folder) throws IOException;
    }

    private ReportFolder() {
    }

    /**
     * Writes the full report of a run (index.html, PNG charts, summary.json, summary.csv, incidents.csv, and
     * replications.csv for runs of at most {@link org.mailsim.run.ReplicationTable#MAX_REPLICATIONS} replications)
     * to {@code target}, atomically; returns the folder's absolute path.
     *
     * @throws FileAlreadyExistsException if {@code target} exists and {@code force} is false, or it exists and
     *                                    is not a mailsim report folder
     */
    public static Path write(RunReport report, Path target, boolean force) throws IOException {
        return writeAtomically(target, force, folder -> writeContents(report, folder));
    }

    /** The report's files, written into an existing folder (no atomicity: use {@link #write}). */
    public static void writeContents(RunReport report, Path folder) throws IOException {
        writeString(folder.resolve("summary.json"), ReportJson.toJson(report));
        writeString(folder.resolve("summary.csv"), ReportCsv.summary(report));
        writeString(folder.resolve("incidents.csv"), ReportCsv.incidents(report));
        List<String> dataFiles = DATA_FILES;
        if (report.replicationTable() != null) {
            writeString(folder.resolve(ReplicationsCsv.FILE), ReplicationsCsv.write(report.replicationTable()));
            dataFiles = new java.util.ArrayList<>(DATA_FILES);
            dataFiles.add(ReplicationsCsv.FILE);
        }
        List<ReportCharts.ChartImage> charts = ReportCharts.writeAll(report, folder);
        // Last, so the page exists only once everything it refers to does.
        writeString(folder.resolve("index.html"), ReportHtml.render(report, charts, dataFiles));
    }

    public static void writeString(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Runs {@code contents} into a temporary sibling of {@code target}, marks it, and renames it into place. */
    public static Path writeAtomically(Path target, boolean force, Contents contents) throws IOException {
        return AtomicFiles.writeFolder(target, existing -> refusal(existing, force), folder -> {
            writeString(folder.resolve(MARKER), MARKER_LINE + "\n");
            contents.writeInto(folder);
        });
    }

    /** Why an existing folder may not be replaced, or null when it may. */
    public static String refusal(Path existing, boolean force) throws IOException {
        if (!force) {
            return "report folder already exists; choose another --out or pass --force to replace it";
        }
        if (isEmpty(existing) || isReport(existing)) {
            return null;
        }
        return "is not a mailsim report folder (no " + MARKER + " file starting '" + MARKER_LINE
                + "'); not replacing it, even with --force";
    }

    /** True when {@code folder} carries the marker of a report folder mailsim wrote. */
    public static boolean isReport(Path folder) {
        String line = AtomicFiles.firstLine(folder.resolve(MARKER), 256);
        return line != null && line.startsWith("mailsim-report ");
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (NotDirectoryException e) {
            return false;
        }
    }
}

package org.mailsim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Writes a report folder all at once or not at all: everything goes into a hidden temporary sibling, which is
 * then renamed into place (a rename within one directory is atomic on POSIX file systems). A crash or a failing
 * writer leaves at most a hidden {@code .NAME.tmp-*} folder beside the target, never a half-written report.
 * An existing target is refused unless {@code force}; then only a folder that is empty or holds a
 * {@value #MARKER} is replaced, so a mistyped {@code --out ~ --force} cannot delete a home directory.
 */
public final class ReportFolder {
    /** The file whose presence marks a folder as a mailsim report (and so replaceable with force). */
    public static final String MARKER = "summary.json";
    /** The file marking a replay report folder (mailsim replay), also replaceable with force. */
    public static final String REPLAY_MARKER = "replay.json";
    /** What marks a comparison's folder (mailsim compare). */
    public static final String COMPARE_MARKER = "compare.json";
    public static final List<String> DATA_FILES = List.of("summary.json", "summary.csv", "incidents.csv");

    /** Fills a (new, empty) folder with a report's files. */
    @FunctionalInterface
    public interface Contents {
        void writeInto(Path folder) throws IOException;
    }

    private ReportFolder() {
    }

    /**
     * Writes the full report of a run (index.html, PNG charts, summary.json, summary.csv, incidents.csv) to
     * {@code target}, atomically; returns the folder's absolute path.
     *
     * @throws FileAlreadyExistsException if {@code target} exists and {@code force} is false, or it exists and
     *                                    does not look like a report folder
     */
    public static Path write(RunReport report, Path target, boolean force) throws IOException {
        return writeAtomically(target, force, folder -> writeContents(report, folder));
    }

    /** The report's files, written into an existing folder (no atomicity: use {@link #write}). */
    public static void writeContents(RunReport report, Path folder) throws IOException {
        writeString(folder.resolve("summary.json"), ReportJson.toJson(report));
        writeString(folder.resolve("summary.csv"), ReportCsv.summary(report));
        writeString(folder.resolve("incidents.csv"), ReportCsv.incidents(report));
        List<ReportCharts.ChartImage> charts = ReportCharts.writeAll(report, folder);
        // Last, so the page exists only once everything it refers to does.
        writeString(folder.resolve("index.html"), ReportHtml.render(report, charts, DATA_FILES));
    }

    public static void writeString(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Runs {@code contents} into a temporary sibling of {@code target} and renames it into place. */
    public static Path writeAtomically(Path target, boolean force, Contents contents) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null || absolute.getFileName() == null) {
            throw new IOException("cannot write a report to the root folder " + absolute);
        }
        String name = absolute.getFileName().toString();
        checkReplaceable(absolute, force);
        Files.createDirectories(parent);
        sweepLeftovers(parent, name);
        Path temporary = Files.createTempDirectory(parent, "." + name + ".tmp-");
        // A report is for people: readable by others as the umask allows, not the temp folder's owner-only 0700.
        try {
            Files.setPosixFilePermissions(temporary, java.nio.file.attribute.PosixFilePermissions.fromString(
                    "rwxr-xr-x"));
        } catch (UnsupportedOperationException notPosix) {
            // Other file systems keep their own defaults.
        }
        // Ctrl-C or a kill (not -9) while writing: remove the half-written folder on the way out.
        Thread cleanup = new Thread(() -> deleteQuietly(temporary, null), "mailsim-report-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            contents.writeInto(temporary);
            if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                // Checked again: the target may have appeared while we wrote.
                checkReplaceable(absolute, force);
                replace(temporary, absolute, parent, name);
            } else {
                moveIntoPlace(temporary, absolute);
            }
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(temporary, e);
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to: it cleans up.
            }
        }
        return absolute;
    }

    /**
     * Removes temporary folders of this report left by a writer killed with -9 (no shutdown hook runs then). Only
     * our own naming pattern is touched, and only folders older than a minute, so a concurrent writer is safe.
     */
    private static void sweepLeftovers(Path parent, String name) {
        String prefix = "." + name + ".tmp-";
        try (var entries = Files.newDirectoryStream(parent, entry -> entry.getFileName().toString().startsWith(prefix))) {
            long cutoff = System.currentTimeMillis() - 60_000;
            for (Path leftover : entries) {
                if (Files.isDirectory(leftover, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(leftover).toMillis() < cutoff) {
                    deleteQuietly(leftover, null);
                }
            }
        } catch (IOException ignored) {
            // Best effort: a leftover we cannot list or delete does not stop the new report.
        }
    }

    private static void checkReplaceable(Path target, boolean force) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!force) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "report folder already exists; choose another --out or pass --force to replace it");
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "exists and is not a folder; not replacing it, even with --force");
        }
        if (!Files.exists(target.resolve(MARKER)) && !Files.exists(target.resolve(REPLAY_MARKER))
                && !Files.exists(target.resolve(COMPARE_MARKER)) && !isEmpty(target)) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "is not a mailsim report folder (no " + MARKER + " or " + REPLAY_MARKER
                            + "); not replacing it, even with --force");
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (DirectoryNotEmptyException e) {
            // Lost a race: someone filled the target between our check and the rename; theirs stays.
            throw new FileAlreadyExistsException(target.toString(), null, "appeared while the report was written");
        }
    }

    /**
     * Moves the old folder aside, the new one in, then deletes the old one: at every instant the target is
     * either the complete old report or the complete new one (or, for a moment between the two renames,
     * absent). If the second rename fails the old report is put back.
     */
    private static void replace(Path temporary, Path target, Path parent, String name) throws IOException {
        String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
        Path old = parent.resolve("." + name + ".old-" + suffix);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException restore) {
                e.addSuppressed(restore);
            }
            throw e;
        }
        try {
            deleteRecursively(old);
        } catch (IOException e) {
            // The new report is in place; a leftover hidden folder is untidy, not wrong.
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (NotDirectoryException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path folder, Throwable cause) {
        try {
            deleteRecursively(folder);
        } catch (IOException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }

    /** Deletes a folder tree without following symbolic links out of it. */
    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<IOException> failures = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    failures.add(e);
                }
                try {
                    Files.delete(dir);
                } catch (NoSuchFileException ignored) {
                    // already gone
                }
                return FileVisitResult.CONTINUE;
            }
        });
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}

package org.mailsim.files;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way mailsim writes a file or a folder: everything goes into a hidden temporary sibling
 * ({@code .NAME.tmp-*}), is forced to disk and renamed into place (atomic within one folder on POSIX file systems),
 * and the folder is synced so the new name survives a power cut. A reader sees the old content or the new, never
 * half of it. Ctrl-C or a kill removes the temporary (a shutdown hook); what a kill -9 leaves is removed by the next
 * write of the same name once it is a minute old.
 *
 * <p>An existing target is replaced only when its {@link Replaceable} says so: mailsim never replaces or deletes
 * what it did not write (see {@link #firstLine}: its files and folders carry a format line it checks), and never a
 * device, FIFO or anything that is not a regular file or folder.
 */
public final class AtomicFiles {
    /** Leftovers younger than this may belong to a writer still running. */
    private static final long LEFTOVER_AGE_MILLIS = 60_000;

    private AtomicFiles() {
    }

    /** Whether an existing path may be replaced: null when it may, or why not (for the message). */
    @FunctionalInterface
    public interface Replaceable {
        String refusal(Path existing) throws IOException;
    }

    /** Refuses every existing path: the caller was not asked to replace anything. */
    public static final Replaceable NEVER = existing -> "already exists";

    /** Writes a file's bytes. */
    @FunctionalInterface
    public interface FileBody {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Fills a new, empty folder. */
    @FunctionalInterface
    public interface FolderBody {
        void writeInto(Path folder) throws IOException;
    }

    /**
     * Writes a file atomically; returns its absolute path.
     *
     * @throws FileAlreadyExistsException when the target exists and may not be replaced
     */
    public static Path writeFile(Path target, Replaceable replaceable, FileBody body) throws IOException {
        try (Output output = openFile(target, replaceable)) {
            body.writeTo(output.stream());
            return output.commit();
        }
    }

    /** Writes text as UTF-8, atomically. */
    public static Path writeString(Path target, Replaceable replaceable, String text) throws IOException {
        return writeFile(target, replaceable, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Opens a file to be written in a stream and committed at the end (results of a long run): the target is
     * checked now and again at {@link Output#commit()}; closing without a commit deletes the temporary file.
     */
    public static Output openFile(Path target, Replaceable replaceable) throws IOException {
        Path absolute = prepare(target, replaceable, false);
        Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".tmp-", "");
        readableByOthers(temporary, "rw-r--r--");
        FileChannel channel;
        try {
            channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        return new Output(absolute, temporary, channel, replaceable);
    }

    /** A file being written; see {@link #openFile}. */
    public static final class Output implements Closeable {
        private final Path target;
        private final Path temporary;
        private final FileChannel channel;
        private final OutputStream stream;
        private final Replaceable replaceable;
        private final Thread cleanup;
        private boolean committed;

        private Output(Path target, Path temporary, FileChannel channel, Replaceable replaceable) {
            this.target = target;
            this.temporary = temporary;
            this.channel = channel;
            this.replaceable = replaceable;
            OutputStream raw = Channels.newOutputStream(channel);
            this.stream = new BufferedOutputStream(new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    raw.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    raw.write(b, off, len);
                }

                @Override
                public void close() {
                    // The channel is closed by commit or close, after it is forced to disk.
                }
            }, 1 << 16);
            this.cleanup = new Thread(() -> deleteQuietly(temporary), "mailsim-write-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
        }

        /** Where to write the content (buffered; closing it does nothing). */
        public OutputStream stream() {
            return stream;
        }

        /** Forces the content to disk and renames it into place; returns the target. */
        public Path commit() throws IOException {
            stream.flush();
            channel.force(true);
            channel.close();
            // Again: the target may have appeared while we wrote.
            checkReplaceable(target, replaceable, false);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
            syncFolder(target.getParent());
            return target;
        }

        @Override
        public void close() throws IOException {
            try {
                if (!committed) {
                    try {
                        channel.close();
                    } finally {
                        Files.deleteIfExists(temporary);
                    }
                }
            } finally {
                removeHook(cleanup);
            }
        }
    }

    /**
     * Writes a folder atomically: {@code body} fills a temporary sibling, which is renamed into place. An existing
     * target that may be replaced is moved aside, the new folder in, and then the old one deleted: at every instant
     * the target is the complete old folder or the complete new one (or, between the two renames, absent).
     */
    public static Path writeFolder(Path target, Replaceable replaceable, FolderBody body) throws IOException {
        Path absolute = prepare(target, replaceable, true);
        Path parent = absolute.getParent();
        String name = absolute.getFileName().toString();
        Path temporary = Files.createTempDirectory(parent, "." + name + ".tmp-");
        readableByOthers(temporary, "rwxr-xr-x");
        Thread cleanup = new Thread(() -> deleteQuietly(temporary), "mailsim-write-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            body.writeInto(temporary);
            if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                checkReplaceable(absolute, replaceable, true);
                replaceFolder(temporary, absolute, parent, name);
            } else {
                try {
                    Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
                } catch (DirectoryNotEmptyException | FileAlreadyExistsException e) {
                    throw new FileAlreadyExistsException(absolute.toString(), null,
                            "appeared while it was written; not replacing it");
                }
            }
            syncFolder(parent);
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(temporary);
            throw e;
        } finally {
            removeHook(cleanup);
        }
        return absolute;
    }

    private static void replaceFolder(Path temporary, Path target, Path parent, String name) throws IOException {
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
        // The new folder is in place; an old one that cannot be deleted is untidy, not wrong (removed next time).
        deleteQuietly(old);
    }

    /**
     * Refuses a target that exists and may not be replaced: anything but a regular file (for a file) or a folder
     * (for a folder), links included, and whatever {@code replaceable} refuses.
     */
    private static void checkReplaceable(Path target, Replaceable replaceable, boolean folder) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        BasicFileAttributes a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String refusal;
        if (a.isSymbolicLink()) {
            refusal = "is a symbolic link; not replacing it";
        } else if (folder ? !a.isDirectory() : !a.isRegularFile()) {
            refusal = a.isDirectory() ? "is a folder, not a file; not replacing it"
                    : a.isRegularFile() ? "exists and is not a folder; not replacing it"
                    : "is not a regular file (a device, FIFO or socket); not replacing it, even with --force";
        } else {
            refusal = replaceable.refusal(target);
        }
        if (refusal != null) {
            throw new FileAlreadyExistsException(target.toString(), null, refusal);
        }
    }

    /**
     * The first line of a regular file, read from at most its first {@code maxBytes}; null when the path is not a
     * regular file (links not followed) or holds no such line. For checking a format line before replacing a file.
     */
    public static String firstLine(Path file, int maxBytes) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                head = in.readNBytes(maxBytes);
            }
            int end = 0;
            while (end < head.length && head[end] != '\n') {
                end++;
            }
            return end == head.length && head.length == maxBytes ? null
                    : new String(head, 0, end, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Removes the {@code .NAME.tmp-*} and {@code .NAME.old-*} entries a writer killed with -9 left in
     * {@code parent} (no shutdown hook runs then). Only that naming pattern is touched, and only entries older than
     * a minute, so a writer still running is safe.
     */
    public static void removeLeftovers(Path parent, String name) {
        String tmp = "." + name + ".tmp-";
        String old = "." + name + ".old-";
        try (var entries = Files.newDirectoryStream(parent, e -> {
            String n = e.getFileName().toString();
            return n.startsWith(tmp) || n.startsWith(old);
        })) {
            long cutoff = System.currentTimeMillis() - LEFTOVER_AGE_MILLIS;
            for (Path leftover : entries) {
                if (Files.getLastModifiedTime(leftover, LinkOption.NOFOLLOW_LINKS).toMillis() < cutoff) {
                    deleteQuietly(leftover);
                }
            }
        } catch (IOException ignored) {
            // Best effort: a leftover we cannot list or delete does not stop the new write.
        }
    }

    /** Makes a rename durable: on Linux a new name survives a power cut only once its folder is synced. */
    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some systems cannot open a folder as a channel; the content is complete either way.
        }
    }

    /** The absolute target, checked, with its folder created and the leftovers of killed writers removed. */
    private static Path prepare(Path target, Replaceable replaceable, boolean folder) throws IOException {
        Path absolute = absolute(target);
        checkReplaceable(absolute, replaceable, folder);
        Files.createDirectories(absolute.getParent());
        removeLeftovers(absolute.getParent(), absolute.getFileName().toString());
        return absolute;
    }

    /** Written for others to read, as the umask allows, not a temporary's owner-only 0600 or 0700. */
    private static void readableByOthers(Path temporary, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Other file systems keep their own defaults.
        }
    }

    private static Path absolute(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (absolute.getParent() == null || absolute.getFileName() == null) {
            throw new IOException("cannot write to the root folder " + absolute);
        }
        return absolute;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it cleans up.
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            deleteTree(path);
        } catch (IOException ignored) {
            // Best effort.
        }
    }

    /** Deletes a file, or a folder tree without following symbolic links out of it. */
    public static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<IOException> failures = new ArrayList<>();
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
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

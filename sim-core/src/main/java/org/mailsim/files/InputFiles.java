package org.mailsim.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Every file mailsim reads (scenarios and their bases, data to fit, results parts, sweep state) comes through here:
 * only a regular file (never a device such as /dev/zero, a FIFO that would block for ever, or a folder), its size
 * checked before a byte is read and again while reading (a file may grow), decoded strictly as UTF-8 with the line
 * of the first bad byte named.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /** A file that cannot be read as input: the message names it and says what is accepted. */
    public static final class InputFileException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        public InputFileException(String message) {
            this(message, 0, 0);
        }

        InputFileException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        /** The line of the problem (1-based), or 0 when it concerns the whole file. */
        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /**
     * Checks that {@code file} is a regular file of at most {@code maxBytes} (links followed) and returns its size.
     *
     * @param what what the file is, for messages ("a scenario", "a results file")
     */
    public static long checkRegular(Path file, long maxBytes, String what) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new InputFileException("no such file");
        } catch (IOException e) {
            throw new InputFileException("cannot read it (" + reason(e) + ")");
        }
        if (attributes.isDirectory()) {
            throw new InputFileException("is a folder, not " + what);
        }
        if (!attributes.isRegularFile()) {
            throw new InputFileException("is not a regular file (a device, FIFO or socket); accepted: " + what
                    + " saved as a regular file");
        }
        if (attributes.size() > maxBytes) {
            throw new InputFileException(tooLarge(attributes.size(), maxBytes, what));
        }
        return attributes.size();
    }

    /** The bytes of a regular file of at most {@code maxBytes}. */
    public static byte[] readBytes(Path file, long maxBytes, String what) throws IOException {
        long size = checkRegular(file, maxBytes, what);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, Math.max(size, maxBytes) + 1));
            if (bytes.length > maxBytes) {
                throw new InputFileException(tooLarge(bytes.length, maxBytes, what));
            }
            return bytes;
        } catch (InputFileException e) {
            throw e;
        } catch (IOException e) {
            throw new InputFileException("cannot read it (" + reason(e) + ")");
        }
    }

    /** The text of a regular UTF-8 file of at most {@code maxBytes}; a leading byte-order mark is dropped. */
    public static String readText(Path file, long maxBytes, String what) throws IOException {
        return utf8(readBytes(file, maxBytes, what));
    }

    /**
     * Decodes UTF-8 strictly.
     *
     * @throws InputFileException naming the line and column of the first byte that is not UTF-8
     */
    public static String utf8(byte[] bytes) throws InputFileException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            int bad = firstBadByte(bytes);
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = 1 + new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length();
            throw new InputFileException(String.format(Locale.ROOT, "byte 0x%02x is not UTF-8 text (a binary file,"
                    + " or another encoding); accepted: text saved as UTF-8", bytes[bad] & 0xff), line, column);
        }
    }

    /** Opens a regular file (of any size) for streaming. */
    public static InputStream open(Path file, String what) throws IOException {
        checkRegular(file, Long.MAX_VALUE, what);
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new InputFileException("cannot read it (" + reason(e) + ")");
        }
    }

    private static int firstBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : 0;
    }

    private static String tooLarge(long size, long maxBytes, String what) {
        return String.format(Locale.ROOT, "is %.1f MiB, too large for %s; accepted: at most %.0f MiB", size / 1048576.0,
                what, maxBytes / 1048576.0);
    }

    /** An I/O failure in a few words: some exceptions carry only the path as their message. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof MalformedInputException) {
            return "not UTF-8 text";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String m = e.getMessage();
        return m != null ? m.lines().findFirst().orElse("") : e.getClass().getSimpleName();
    }
}

package org.mailsim.fit;

/**
 * A data file that cannot be read as expected. The message names the file, the line, the column and what was
 * expected, so the user can fix the file without a stack trace.
 */
public final class InvalidDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidDataException(String message) {
        super(message);
    }

    static InvalidDataException at(String source, long line, String column, String expected, String found) {
        return new InvalidDataException(source + ":" + line + ": column '" + column + "': expected " + expected
                + ", got '" + found + "'");
    }
}

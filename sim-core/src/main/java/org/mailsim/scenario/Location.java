package org.mailsim.scenario;

/**
 * Where a value came from: a file with a 1-based line and column, a {@code --set} argument (line 0), or the
 * schema's default (line 0).
 */
public record Location(String file, int line, int column) {
    public static final Location DEFAULT = new Location("(default)", 0, 0);

    public static Location of(String source) {
        return new Location(source, 0, 0);
    }

    /** {@code file:line:column}, or just the source when it has no line (a --set argument, a default). */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}

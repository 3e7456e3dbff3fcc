package org.mailsim.scenario;

/**
 * One thing wrong with a scenario, formatted for people as {@code file:line:column: key.path: what is wrong; what
 * is accepted}. {@code keyPath} is empty when the problem is not about one key (a syntax error, a tab).
 */
public record Problem(String file, int line, int column, String keyPath, String message) {
    /** The longest excerpt of the input a message quotes: enough to find it, too short to leak a file. */
    public static final int MAX_EXCERPT = 60;
    private static final int MAX_MESSAGE = 2000;

    /** Control characters escaped, so a message never moves the terminal's cursor; a runaway message cut. */
    public Problem {
        keyPath = escape(keyPath.length() > MAX_EXCERPT * 2 ? keyPath.substring(0, MAX_EXCERPT * 2) + "..." : keyPath);
        message = escape(message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message);
    }

    /**
     * A value of the input, quoted for a message: at most {@value #MAX_EXCERPT} characters of it, so an error
     * never echoes a whole file (a base scenario pointing at /etc/passwd, a binary file).
     */
    public static String quote(String text) {
        String t = text.length() > MAX_EXCERPT ? text.substring(0, MAX_EXCERPT) + "...' (" + text.length()
                + " characters)" : text + "'";
        return "'" + escape(t);
    }

    private static String escape(String text) {
        StringBuilder s = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                if (s == null) {
                    s = new StringBuilder(text.substring(0, i));
                }
                s.append(c == '\n' ? "\\n" : c == '\t' ? "\\t" : String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
            } else if (s != null) {
                s.append(c);
            }
        }
        return s == null ? text : s.toString();
    }

    public static Problem at(Location where, String keyPath, String message) {
        return new Problem(where.file(), where.line(), where.column(), keyPath, message);
    }

    public Location location() {
        return new Location(file, line, column);
    }

    public String format() {
        StringBuilder s = new StringBuilder(location().toString()).append(": ");
        if (!keyPath.isEmpty()) {
            s.append(keyPath).append(": ");
        }
        return s.append(message).toString();
    }

    @Override
    public String toString() {
        return format();
    }
}

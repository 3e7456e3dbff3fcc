package org.mailsim.scenario;

/**
 * One thing wrong with a scenario, formatted for people as {@code file:line:column: key.path: what is wrong; what
 * is accepted}. {@code keyPath} is empty when the problem is not about one key (a syntax error, a tab).
 */
public record Problem(String file, int line, int column, String keyPath, String message) {
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

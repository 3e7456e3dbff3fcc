package org.mailsim.scenario;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailsim.Hours;

/**
 * Numbers with units, as written in scenarios, converted to mailsim's base units: hours, bytes, bytes/s, files/s
 * and events per hour. A value of the wrong kind (a size where a duration is expected) is refused with a message
 * saying what it is and what is accepted.
 */
public final class Units {
    private static final double HOUR_SECONDS = 3600;

    /** Duration units in hours; 1y = 365d as in docs/model.md (no leap years: a year of disk-hours is 8760 h). */
    private static final Map<String, Double> DURATION = new LinkedHashMap<>();
    /** Size units in bytes; the SI prefixes are decimal (disk vendors' TB), the IEC ones binary. */
    private static final Map<String, Double> SIZE = new LinkedHashMap<>();

    static {
        DURATION.put("s", 1 / HOUR_SECONDS);
        DURATION.put("m", 1 / 60.0);
        DURATION.put("min", 1 / 60.0);
        DURATION.put("h", 1.0);
        DURATION.put("d", Hours.PER_DAY);
        DURATION.put("w", Hours.PER_WEEK);
        DURATION.put("y", Hours.PER_YEAR);
        SIZE.put("B", 1.0);
        String[] decimal = {"kB", "MB", "GB", "TB", "PB", "EB"};
        String[] binary = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        for (int i = 0; i < decimal.length; i++) {
            SIZE.put(decimal[i], Math.pow(1000, i + 1));
            SIZE.put(binary[i], Math.pow(1024, i + 1));
        }
        SIZE.put("KB", 1000.0); // common spelling of kB
    }

    private static final Pattern NUMBER_WITH_UNIT =
            Pattern.compile("([+-]?(?:\\d[\\d_]*(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(.*)");

    private Units() {
    }

    /** Hours in a duration such as {@code 30m}, {@code 12h}, {@code 5d}, {@code 2w}, {@code 10y}. */
    public static double duration(String text) {
        return parse(Quantity.DURATION, text);
    }

    /** Bytes in a size such as {@code 4TB} (decimal) or {@code 4TiB} (binary). */
    public static double size(String text) {
        return parse(Quantity.SIZE, text);
    }

    /** Bytes per second in a bandwidth such as {@code 50MB/s}. */
    public static double bandwidth(String text) {
        return parse(Quantity.BANDWIDTH, text);
    }

    /** Files per second in a rate such as {@code 2000 files/s}. */
    public static double fileRate(String text) {
        return parse(Quantity.FILE_RATE, text);
    }

    /** Events per hour in a rate such as {@code 1.08e-4/h} or {@code 40/d}. */
    public static double rate(String text) {
        return parse(Quantity.RATE, text);
    }

    /**
     * The value of {@code text} in {@code kind}'s base unit. A bare {@code 0} needs no unit.
     *
     * @throws UnitException saying what is wrong and what is accepted
     */
    public static double parse(Quantity kind, String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = NUMBER_WITH_UNIT.matcher(t);
        if (!m.matches()) {
            throw new UnitException(Problem.quote(t) + " is not a number with a unit; expected " + kind.article() + " such as "
                    + kind.examples());
        }
        double number = number(m.group(1), t);
        String unit = m.group(2).strip();
        if (unit.isEmpty()) {
            if (number == 0) {
                return 0;
            }
            throw new UnitException(Problem.quote(t) + " has no unit; expected " + kind.article() + " such as "
                    + kind.examples());
        }
        Double factor = factor(kind, unit);
        if (factor == null) {
            Quantity actual = kindOf(unit);
            String what = actual != null ? Problem.quote(t) + " is " + actual.article() + ", not " + kind.article()
                    : "unknown unit " + Problem.quote(unit) + " in " + Problem.quote(t);
            throw new UnitException(what + "; expected " + kind.article() + " such as " + kind.examples());
        }
        double value = number * factor;
        if (!Double.isFinite(value)) {
            throw new UnitException(Problem.quote(t) + " is too large; expected a finite " + kind.article().substring(2));
        }
        return value;
    }

    /** Parses a plain number as written in YAML (underscores allowed, as in 461_386; no commas, which
     * would be ambiguous between thousands and decimals). */
    static double number(String digits, String whole) {
        try {
            return Double.parseDouble(digits.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UnitException(Problem.quote(whole) + " is not a number");
        }
    }

    private static Double factor(Quantity kind, String unit) {
        switch (kind) {
            case DURATION:
                return DURATION.get(unit);
            case SIZE:
                return SIZE.get(unit);
            case BANDWIDTH: {
                String[] parts = unit.split("\\s*/\\s*", -1);
                if (parts.length != 2) {
                    return null;
                }
                Double size = SIZE.get(parts[0]);
                Double per = DURATION.get(parts[1]);
                return size == null || per == null ? null : size / (per * HOUR_SECONDS);
            }
            case FILE_RATE: {
                String[] parts = unit.split("\\s*/\\s*", -1);
                if (parts.length != 2 || !(parts[0].equals("files") || parts[0].equals("file"))) {
                    return null;
                }
                Double per = DURATION.get(parts[1]);
                return per == null ? null : 1 / (per * HOUR_SECONDS);
            }
            case RATE: {
                if (!unit.startsWith("/")) {
                    return null;
                }
                Double per = DURATION.get(unit.substring(1).strip());
                return per == null ? null : 1 / per;
            }
            default:
                throw new AssertionError(kind);
        }
    }

    /** Which kind a unit belongs to, to say "'4TB' is a size, not a duration". */
    private static Quantity kindOf(String unit) {
        for (Quantity q : Quantity.values()) {
            if (factor(q, unit) != null) {
                return q;
            }
        }
        return null;
    }

    /** Formats a number without a trailing ".0" and without exponent for ordinary magnitudes. */
    public static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        return s.toLowerCase(Locale.ROOT);
    }

    /** Thrown for a value that is not the expected quantity; the message says what is wrong and what is accepted. */
    public static final class UnitException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public UnitException(String message) {
            super(message);
        }
    }
}

package org.mailsim.report;

import java.util.Locale;
import org.mailsim.Hours;

/** How numbers and durations read in tables and pages: a few significant digits, grouped thousands, no locale. */
public final class Figures {
    private Figures() {
    }

    /** About four significant digits; integers in full with thousands grouped; scientific when huge or tiny. */
    public static String number(double x) {
        if (Double.isNaN(x)) {
            return "n/a";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "infinity" : "-infinity";
        }
        double a = Math.abs(x);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e15 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.3e", x).replace("e+0", "e").replace("e+", "e").replace("e-0", "e-");
        }
        if (a >= 1000 || x == Math.rint(x)) {
            return String.format(Locale.ROOT, "%,.0f", x);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.1f", x);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.2f", x);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.3f", x);
        }
        return String.format(Locale.ROOT, "%.3g", x);
    }

    /** A unit of time for a whole column or chart axis, so a table never mixes hours and days in one column. */
    public enum TimeUnit {
        HOURS("h", 1), DAYS("days", 24), YEARS("years", Hours.PER_YEAR);

        private final String label;
        private final double hours;

        TimeUnit(String label, double hours) {
            this.label = label;
            this.hours = hours;
        }

        /** "h", "days" or "years", as the column heading says it. */
        public String label() {
            return label;
        }

        /** Hours in one of this unit. */
        public double hours() {
            return hours;
        }

        /** {@code hours} in this unit, as a number without the unit (for a column whose heading names it). */
        public String number(double hours) {
            return Figures.number(hours / this.hours);
        }

        /** {@code hours} in this unit, with the unit. */
        public String format(double hours) {
            return Double.isFinite(hours) ? number(hours) + " " + label : Figures.number(hours);
        }
    }

    /** The unit {@link #duration} would pick for the largest of the finite {@code hours}: one unit per column. */
    public static TimeUnit unitFor(double... hours) {
        double largest = 0;
        for (double h : hours) {
            if (Double.isFinite(h)) {
                largest = Math.max(largest, Math.abs(h));
            }
        }
        return largest < 48 ? TimeUnit.HOURS : largest < 2 * Hours.PER_YEAR ? TimeUnit.DAYS : TimeUnit.YEARS;
    }

    /** An amount of money with its currency code, whole units: "USD 475,693". */
    public static String money(double amount, String currency) {
        if (!Double.isFinite(amount)) {
            return number(amount);
        }
        return currency + " " + String.format(Locale.ROOT, "%,.0f", amount);
    }

    /** Bytes in decimal units: "12.5 GB", "830 kB", "0 B". */
    public static String bytes(double bytes) {
        if (!Double.isFinite(bytes)) {
            return number(bytes);
        }
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
        double v = Math.abs(bytes);
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        String digits = u == 0 ? String.format(Locale.ROOT, "%.0f", v)
                : v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : v >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.2f", v);
        return (bytes < 0 ? "-" : "") + digits + " " + units[u];
    }

    /** A probability as a percentage with about three significant digits: "7.2%", "0.0312%", "100%". */
    public static String percent(double p) {
        if (!Double.isFinite(p)) {
            return number(p);
        }
        double x = 100 * p;
        if (x == 0 || x == 100) {
            return String.format(Locale.ROOT, "%.0f%%", x);
        }
        return (Math.abs(x) >= 10 ? String.format(Locale.ROOT, "%.1f", x) : Math.abs(x) >= 1
                ? String.format(Locale.ROOT, "%.2f", x) : String.format(Locale.ROOT, "%.3g", x)) + "%";
    }

    /** Hours in the unit a planner would say: hours below two days, days below two years, else years. */
    public static String duration(double hours) {
        if (!Double.isFinite(hours)) {
            return number(hours);
        }
        double a = Math.abs(hours);
        if (a < 48) {
            return number(hours) + " h";
        }
        if (a < 2 * Hours.PER_YEAR) {
            return number(hours / 24) + " days";
        }
        return number(hours / Hours.PER_YEAR) + " years";
    }
}

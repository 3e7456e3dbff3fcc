package org.mailsim.report;

import java.util.Locale;
import org.mailsim.Hours;

/** How numbers and durations read in tables and pages: a few significant digits, grouped thousands, no locale. */
public final class Figures {
    /** A year is 365 days, as in scenario files (MISSION.md section 4). */

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
        if (a >= 1e9 || a < 1e-3) {
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

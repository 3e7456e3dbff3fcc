package org.mailsim.model.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The shape of mail traffic over one week: a relative rate for each of the 168 hours, with mean 1 over the week.
 * Hour 0 is hour 0 of the first day of the cycle; days 5 and 6 are the weekend in the bundled profile.
 *
 * <p>The default, {@link #emailEuCore()}, is measured from the SNAP email-Eu-core-temporal trace (Paranjape,
 * Benson, Leskovec, WSDM 2017); see NOTICE.md beside the CSV files. Its business hours run at about 3-4x the
 * weekly mean on weekdays (2.4-2.7x averaged over all days), nights at 0.02-0.1x, and the two weekend days carry
 * a tenth of weekday volume.
 */
public record WeeklyProfile(double[] relativeRate) {
    public static final int HOURS_PER_WEEK = 168;

    public WeeklyProfile {
        if (relativeRate.length != HOURS_PER_WEEK) {
            throw new IllegalArgumentException("a weekly profile needs 168 hourly rates, got " + relativeRate.length);
        }
        double sum = 0;
        for (double r : relativeRate) {
            if (!(r >= 0) || Double.isInfinite(r)) {
                throw new IllegalArgumentException("hourly rates must be non-negative and finite, got " + r);
            }
            sum += r;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("a weekly profile needs at least one hour with traffic");
        }
        // Normalise so that the profile only carries shape; volumes come from the per-day rates.
        double mean = sum / HOURS_PER_WEEK;
        relativeRate = relativeRate.clone();
        for (int i = 0; i < HOURS_PER_WEEK; i++) {
            relativeRate[i] /= mean;
        }
    }

    /** Every hour the same: useful for tests and for what-ifs without a daily rhythm. */
    public static WeeklyProfile flat() {
        double[] r = new double[HOURS_PER_WEEK];
        Arrays.fill(r, 1);
        return new WeeklyProfile(r);
    }

    /** The product of a 24-hour shape and a 7-day shape (each any positive scale). */
    public static WeeklyProfile separable(double[] hourOfDay, double[] dayOfWeek) {
        if (hourOfDay.length != 24 || dayOfWeek.length != 7) {
            throw new IllegalArgumentException("need 24 hourly and 7 daily factors, got " + hourOfDay.length + " and "
                    + dayOfWeek.length);
        }
        double[] r = new double[HOURS_PER_WEEK];
        for (int h = 0; h < HOURS_PER_WEEK; h++) {
            r[h] = hourOfDay[h % 24] * dayOfWeek[h / 24];
        }
        return new WeeklyProfile(r);
    }

    /** The 168-hour profile measured from the SNAP email-Eu-core-temporal trace (bundled resource). */
    public static WeeklyProfile emailEuCore() {
        return Holder.EMAIL_EU_CORE;
    }

    /**
     * The 24-hour by 7-day product of the two marginal profiles of the same trace (smoother, but it assumes
     * weekends have weekday hours' shape).
     */
    public static WeeklyProfile emailEuCoreSeparable() {
        return separable(readColumn("email-eu-hourly-profile.csv", 24), readColumn("email-eu-daily-profile.csv", 7));
    }

    /** Reads a CSV with a header and the relative rate in the last column, one row per hour of the week. */
    public static WeeklyProfile fromCsv(InputStream in) {
        return new WeeklyProfile(readLastColumn(in, HOURS_PER_WEEK));
    }

    /** The relative rate at simulated hour {@code t} (t &gt;= 0), periodic with the week. */
    public double rateAt(double t) {
        return relativeRate[hourOfWeek(t)];
    }

    public double rate(int hourOfWeek) {
        return relativeRate[hourOfWeek];
    }

    @Override
    public double[] relativeRate() {
        return relativeRate.clone();
    }

    public double max() {
        return Arrays.stream(relativeRate).max().orElseThrow();
    }

    static int hourOfWeek(double t) {
        int h = (int) Math.floor(t - HOURS_PER_WEEK * Math.floor(t / HOURS_PER_WEEK));
        return Math.min(Math.max(h, 0), HOURS_PER_WEEK - 1);
    }

    private static double[] readColumn(String resource, int rows) {
        try (InputStream in = WeeklyProfile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return readLastColumn(in, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] readLastColumn(InputStream in, int rows) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            if (header == null) {
                throw new IllegalArgumentException("empty profile");
            }
            double[] values = new double[rows];
            int n = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                if (n == rows) {
                    throw new IllegalArgumentException("profile has more than " + rows + " rows");
                }
                String[] cells = line.split(",");
                values[n++] = Double.parseDouble(cells[cells.length - 1].trim());
            }
            if (n != rows) {
                throw new IllegalArgumentException("profile has " + n + " rows, expected " + rows);
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeeklyProfile p && Arrays.equals(relativeRate, p.relativeRate);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(relativeRate);
    }

    @Override
    public String toString() {
        return "WeeklyProfile(max " + max() + "x mean)";
    }

    private static final class Holder {
        static final WeeklyProfile EMAIL_EU_CORE = new WeeklyProfile(
                readColumn("email-eu-weekly-profile.csv", HOURS_PER_WEEK));
    }
}

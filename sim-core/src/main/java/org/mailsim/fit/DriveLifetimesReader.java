package org.mailsim.fit;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one row per drive: its age when it failed or when observation ended, and whether it failed. Columns:
 * {@code failed} (1/0, true/false, yes/no) and one age column, {@code hours}, {@code days} or {@code years}
 * (365 days); optional {@code model} and {@code entry}, the age at which the drive came under observation, in the
 * age column's unit (a drive already in service when the survey began; absent or 0: watched from new). Other
 * columns are ignored. Ages count from the drive's installation. A drive that came under observation late is a
 * survivor to that age, so its entry is a left truncation ({@link LifetimeSample}); leaving it out would bias the
 * fit towards long lives.
 */
public final class DriveLifetimesReader {
    /** Age columns and their length in hours. */
    private static final String[] AGE_COLUMNS = {"hours", "days", "years"};
    private static final double[] HOURS_PER_UNIT = {1, 24, 24 * 365};

    /** One drive: its model field ("" when the file has no model column), age in hours, fate and entry age. */
    public record Drive(String model, double hours, boolean failed, double entryHours, long line) {
        public Drive(String model, double hours, boolean failed, long line) {
            this(model, hours, failed, 0, line);
        }
    }

    private DriveLifetimesReader() {
    }

    /** Whether a header (lower case, stripped) is that of a per-drive lifetime file. */
    public static boolean looksLikeLifetimes(List<String> columns) {
        if (!columns.contains("failed") || columns.contains("drive_days")) {
            return false;
        }
        for (String age : AGE_COLUMNS) {
            if (columns.contains(age)) {
                return true;
            }
        }
        return false;
    }

    public static List<Drive> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), in);
        }
    }

    public static List<Drive> read(String source, Reader in) throws IOException {
        CsvFile csv = CsvFile.read(source, in);
        int failed = csv.requireColumn("failed", "1 if the drive failed, 0 if it was still running");
        int age = -1;
        double unit = 0;
        for (int i = 0; i < AGE_COLUMNS.length && age < 0; i++) {
            age = csv.column(AGE_COLUMNS[i]);
            unit = HOURS_PER_UNIT[i];
        }
        if (age < 0) {
            throw new InvalidDataException(source + ":1: missing an age column: hours, days or years (the drive's age "
                    + "when it failed or when observation ended); the header has " + csv.header());
        }
        int model = csv.column("model");
        int entry = csv.column("entry");
        List<Drive> drives = new ArrayList<>();
        for (CsvFile.Row row : csv.rows()) {
            double hours = csv.nonNegative(row, age) * unit;
            boolean fail = flag(csv, row, failed);
            if (fail && hours == 0) {
                throw InvalidDataException.at(source, row.line(), csv.columnName(age),
                        "a positive age for a failed drive", row.fields().get(age).strip());
            }
            double entered = entry < 0 ? 0 : csv.nonNegative(row, entry) * unit;
            if (entered > hours || (fail && entered == hours)) {
                throw InvalidDataException.at(source, row.line(), csv.columnName(entry),
                        "an entry age below the drive's age (" + row.fields().get(age).strip() + ")",
                        row.fields().get(entry).strip());
            }
            drives.add(new Drive(model < 0 ? "" : row.fields().get(model).strip(), hours, fail, entered,
                    row.line()));
        }
        if (drives.isEmpty()) {
            throw new InvalidDataException(source + ": no data rows after the header");
        }
        return drives;
    }

    private static boolean flag(CsvFile csv, CsvFile.Row row, int column) {
        String text = row.fields().get(column).strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "1", "true", "yes" -> true;
            case "0", "false", "no" -> false;
            default -> throw InvalidDataException.at(csv.source(), row.line(), csv.columnName(column),
                    "1 or 0 (true/false, yes/no)", text);
        };
    }
}

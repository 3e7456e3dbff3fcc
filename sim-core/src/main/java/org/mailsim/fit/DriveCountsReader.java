package org.mailsim.fit;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads per-model drive counts in the layout of Backblaze Drive Stats as reduced by
 * github.com/zachmayer/backblaze_analysis (results/survival.csv): required columns {@code model},
 * {@code drive_days}, {@code failed}; optional {@code capacity_tb}, {@code n_unique}, {@code years_97pct},
 * {@code surv_5yr_lower}, {@code surv_5yr}, {@code surv_5yr_upper}. Other columns are ignored.
 */
public final class DriveCountsReader {
    private DriveCountsReader() {
    }

    public static List<DriveModelCounts> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), in);
        }
    }

    public static List<DriveModelCounts> read(String source, Reader in) throws IOException {
        CsvFile csv = CsvFile.read(source, in);
        int model = csv.requireColumn("model", "the drive model's name");
        int driveDays = csv.requireColumn("drive_days", "days of operation summed over drives");
        int failed = csv.requireColumn("failed", "the number of drives that failed");
        int capacity = csv.column("capacity_tb");
        int drives = csv.column("n_unique");
        int years97 = csv.column("years_97pct");
        int survLow = csv.column("surv_5yr_lower");
        int surv = csv.column("surv_5yr");
        int survHigh = csv.column("surv_5yr_upper");
        List<DriveModelCounts> result = new ArrayList<>();
        for (CsvFile.Row row : csv.rows()) {
            // An empty or placeholder model field is kept: those drives ran and failed, and the fit reports them
            // apart as drives of no known model (DriveModelName) instead of refusing the file.
            String name = row.fields().get(model).strip();
            double days = csv.nonNegative(row, driveDays);
            long failures = csv.count(row, failed);
            long n = drives < 0 ? 0 : csv.count(row, drives);
            if (drives >= 0 && failures > n) {
                throw InvalidDataException.at(source, row.line(), "failed",
                        "at most n_unique (" + n + ") failures", Long.toString(failures));
            }
            result.add(new DriveModelCounts(name,
                    capacity < 0 ? Double.NaN : csv.nonNegative(row, capacity), n, days, failures,
                    years97 < 0 ? Double.NaN : csv.nonNegative(row, years97),
                    probability(csv, row, surv), probability(csv, row, survLow), probability(csv, row, survHigh),
                    row.line()));
        }
        if (result.isEmpty()) {
            throw new InvalidDataException(source + ": no data rows after the header");
        }
        return result;
    }

    private static double probability(CsvFile csv, CsvFile.Row row, int column) {
        if (column < 0) {
            return Double.NaN;
        }
        double p = csv.number(row, column, "a probability in [0, 1]");
        if (p < 0 || p > 1) {
            throw InvalidDataException.at(csv.source(), row.line(), csv.columnName(column),
                    "a probability in [0, 1]", row.fields().get(column).strip());
        }
        return p;
    }
}

package org.mailsim.fit;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a per-event trace: a CSV with an ISO-8601 timestamp column (by default {@code Timestamp}), one row per
 * failure, in any order. Offsets may be written {@code -05:00}, {@code -0500} or {@code Z}; stamps without an offset
 * are read as UTC (only differences matter, but local stamps cross daylight-saving changes twice a year, which
 * shifts two gaps by an hour). Rows can be selected by exact column values, e.g. {@code Action=replacement}.
 */
public final class EventTraceReader {
    public static final String DEFAULT_COLUMN = "Timestamp";

    // ISO local date-time, 'T' or a blank between date and time, then an optional offset in any common spelling.
    private static final DateTimeFormatter STAMP = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    private EventTraceReader() {
    }

    public static EventTrace read(Path file, String column, Map<String, String> where) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), in, column, where);
        }
    }

    public static EventTrace read(String source, Reader in, String column, Map<String, String> where)
            throws IOException {
        CsvFile csv = CsvFile.read(source, in);
        int stamp = csv.requireColumn(column, "ISO-8601 timestamps such as 2019-01-04T14:41:12-0500");
        List<int[]> filters = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> e : where.entrySet()) {
            filters.add(new int[] {csv.requireColumn(e.getKey(), "selected with " + e.getKey() + "=" + e.getValue())});
            values.add(e.getValue().strip());
        }
        List<Instant> instants = new ArrayList<>();
        boolean wholeSeconds = true;
        boolean wholeMillis = true;
        rows:
        for (CsvFile.Row row : csv.rows()) {
            for (int f = 0; f < filters.size(); f++) {
                if (!row.fields().get(filters.get(f)[0]).strip().equalsIgnoreCase(values.get(f))) {
                    continue rows;
                }
            }
            Instant t = parse(csv, row, stamp);
            wholeSeconds &= t.getNano() == 0;
            wholeMillis &= t.getNano() % 1_000_000 == 0;
            instants.add(t);
        }
        if (instants.size() < 2) {
            throw new InvalidDataException(source + ": " + instants.size() + " event(s)"
                    + (where.isEmpty() ? "" : " match " + where) + "; at least 2 are needed for times between events");
        }
        instants.sort(null);
        Instant first = instants.get(0);
        double[] hours = new double[instants.size()];
        for (int i = 0; i < hours.length; i++) {
            Instant t = instants.get(i);
            hours[i] = ((t.getEpochSecond() - first.getEpochSecond()) + (t.getNano() - first.getNano()) * 1e-9) / 3600.0;
        }
        double resolutionSeconds = wholeSeconds ? 1 : wholeMillis ? 1e-3 : 1e-9;
        return new EventTrace(source, first, instants.get(instants.size() - 1), hours, resolutionSeconds / 3600.0);
    }

    private static Instant parse(CsvFile csv, CsvFile.Row row, int column) {
        String text = row.fields().get(column).strip();
        try {
            TemporalAccessor parsed = STAMP.parse(text);
            LocalDateTime local = LocalDateTime.from(parsed);
            ZoneOffset offset = parsed.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
            return local.toInstant(offset);
        } catch (DateTimeParseException e) {
            throw InvalidDataException.at(csv.source(), row.line(), csv.columnName(column),
                    "an ISO-8601 timestamp such as 2019-01-04T14:41:12-0500", text);
        }
    }
}

package org.mailsim.fit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mailsim.files.Csv;

/**
 * A comma-separated file with a header line, read whole through jackson-dataformat-csv ({@link Csv#read}); quoted
 * fields follow RFC 4180. Every row keeps its line number so readers can report file:line, column.
 */
final class CsvFile {
    private final String source;
    private final List<String> header;
    private final List<Row> rows;

    record Row(long line, List<String> fields) {
    }

    private CsvFile(String source, List<String> header, List<Row> rows) {
        this.source = source;
        this.header = header;
        this.rows = rows;
    }

    static CsvFile read(String source, Reader in) throws IOException {
        List<Csv.Row> all;
        try {
            all = Csv.read(new BufferedReader(in).lines().collect(java.util.stream.Collectors.joining("\n", "", "\n")));
        } catch (Csv.MalformedCsvException e) {
            throw new InvalidDataException(source + ":" + e.line() + ": unterminated quoted field or malformed CSV ("
                    + e.getMessage() + ")");
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        if (all.isEmpty()) {
            throw new InvalidDataException(source + ":1: the file is empty; expected a header line");
        }
        List<String> header = all.get(0).cells();
        List<Row> rows = new ArrayList<>();
        for (Csv.Row r : all.subList(1, all.size())) {
            if (r.cells().size() == 1 && r.cells().get(0).isBlank()) {
                continue;
            }
            if (sameCells(r.cells(), header)) {
                continue;   // the header repeated, as in files concatenated from several exports
            }
            if (r.cells().size() != header.size()) {
                throw new InvalidDataException(source + ":" + r.line() + ": expected " + header.size()
                        + " fields as in the header, got " + r.cells().size());
            }
            rows.add(new Row(r.line(), r.cells()));
        }
        return new CsvFile(source, List.copyOf(header), List.copyOf(rows));
    }

    private static boolean sameCells(List<String> row, List<String> header) {
        if (row.size() != header.size()) {
            return false;
        }
        for (int i = 0; i < row.size(); i++) {
            if (!row.get(i).strip().equalsIgnoreCase(header.get(i).strip())) {
                return false;
            }
        }
        return true;
    }

    String source() {
        return source;
    }

    List<Row> rows() {
        return rows;
    }

    List<String> header() {
        return header;
    }

    /** The index of a column, matched without regard to case or surrounding blanks; -1 if absent. */
    int column(String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    int requireColumn(String name, String expectedContent) {
        int i = column(name);
        if (i < 0) {
            throw new InvalidDataException(source + ":1: missing column '" + name + "' (" + expectedContent
                    + "); the header has " + header);
        }
        return i;
    }

    String columnName(int index) {
        return header.get(index).strip();
    }

    double number(Row row, int column, String expected) {
        String text = row.fields().get(column).strip();
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the position
        }
        throw InvalidDataException.at(source, row.line(), columnName(column), expected, text);
    }

    double nonNegative(Row row, int column) {
        double value = number(row, column, "a non-negative number");
        if (value < 0) {
            throw InvalidDataException.at(source, row.line(), columnName(column), "a non-negative number",
                    row.fields().get(column).strip());
        }
        return value;
    }

    long count(Row row, int column) {
        String text = row.fields().get(column).strip();
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Some exports write counts as 12.0; accept integral values only.
            try {
                double d = Double.parseDouble(text);
                if (d >= 0 && d == Math.rint(d) && d < 9.0e15) {
                    return (long) d;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw InvalidDataException.at(source, row.line(), columnName(column), "a non-negative whole number", text);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}

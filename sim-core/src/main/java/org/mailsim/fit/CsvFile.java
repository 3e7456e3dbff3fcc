package org.mailsim.fit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A comma-separated file with a header line, read whole (the data files mailsim fits are small). Quoted fields
 * follow RFC 4180 within one line. Every row keeps its line number so readers can report file:line, column.
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
        BufferedReader reader = new BufferedReader(in);
        String first = reader.readLine();
        long line = 1;
        if (first == null) {
            throw new InvalidDataException(source + ":1: the file is empty; expected a header line");
        }
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        List<String> header = split(source, line, first);
        List<Row> rows = new ArrayList<>();
        String text;
        while ((text = reader.readLine()) != null) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            List<String> fields = split(source, line, text);
            if (fields.size() != header.size()) {
                throw new InvalidDataException(source + ":" + line + ": expected " + header.size()
                        + " fields as in the header, got " + fields.size());
            }
            rows.add(new Row(line, fields));
        }
        return new CsvFile(source, List.copyOf(header), List.copyOf(rows));
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

    private static List<String> split(String source, long line, String text) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new InvalidDataException(source + ":" + line + ": unterminated quoted field (quotes must close "
                    + "on the same line)");
        }
        fields.add(field.toString());
        return fields;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}

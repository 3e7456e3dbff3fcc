package org.mailsim.files;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The one way mailsim writes CSV (jackson-dataformat-csv): RFC 4180 quoting only where a cell needs it
 * (a comma, a quote or a line break), lines ending in LF, and cells as text, formatted by the caller so every table
 * keeps its own number format ({@link #number} for the report's tables).
 */
public final class Csv {
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withLineSeparator("\n");

    private Csv() {
    }

    /** A table, header row first, as CSV text. */
    public static String write(List<? extends List<String>> rows) {
        StringWriter out = new StringWriter();
        try (SequenceWriter writer = MAPPER.writer(SCHEMA).writeValues(out)) {
            for (List<String> row : rows) {
                writer.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV", e);
        }
        return out.toString();
    }

    /** A number cell: the shortest decimal that reads back exactly, integers without ".0", empty when not finite. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** One row read, with the line it starts on (1-based), for file:line messages. */
    public record Row(long line, List<String> cells) {
    }

    /** A row that cannot be read: the line it is on and what is wrong. */
    public static final class MalformedCsvException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long line;

        MalformedCsvException(long line, String message) {
            super(message);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    /**
     * Every row of CSV text, the header first; blank lines are skipped, a quoted cell may hold commas, quotes and
     * line breaks, a leading byte-order mark is dropped.
     *
     * @throws MalformedCsvException with the line of malformed input (a quote left open)
     */
    public static List<Row> read(String text) throws IOException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> rows = new java.util.ArrayList<>();
        try (com.fasterxml.jackson.dataformat.csv.CsvParser parser = (com.fasterxml.jackson.dataformat.csv.CsvParser)
                MAPPER.getFactory().createParser(body)) {
            parser.setSchema(CsvSchema.emptySchema());
            parser.enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY);
            parser.enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.SKIP_EMPTY_LINES);
            com.fasterxml.jackson.core.JsonToken token;
            List<String> cells = null;
            long line = 0;
            try {
                while ((token = parser.nextToken()) != null) {
                    switch (token) {
                        case START_ARRAY -> {
                            // A row (the document's wrapping array, if any, is replaced by its first row).
                            cells = new java.util.ArrayList<>();
                            line = -1;
                        }
                        case VALUE_STRING -> {
                            if (line < 0) {
                                line = parser.currentTokenLocation().getLineNr(); // the row's first cell
                            }
                            if (cells != null) {
                                cells.add(parser.getText());
                            }
                        }
                        case END_ARRAY -> {
                            boolean blank = cells != null && cells.size() == 1 && cells.get(0).isBlank();
                            if (cells != null && !cells.isEmpty() && !blank) {
                                rows.add(new Row(line, List.copyOf(cells)));
                                cells = null;
                            }
                        }
                        default -> {
                        }
                    }
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                long at = e.getLocation() != null ? e.getLocation().getLineNr() : line;
                throw new MalformedCsvException(at, e.getOriginalMessage().lines().findFirst().orElse("malformed"));
            }
        }
        return rows;
    }
}

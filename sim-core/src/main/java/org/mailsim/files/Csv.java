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
}

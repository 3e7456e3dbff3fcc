package org.mailsim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailsim.files.Csv;
import org.mailsim.run.Metric;
import org.mailsim.run.ReplicationTable;

/**
 * replications.csv: one row per replication, in replication order, for paired comparisons ({@code mailsim
 * compare}) and notebooks. Columns: {@code replication} (0-based index), the indicators {@code lostData},
 * {@code arrayLoss}, {@code outage}, {@code sectorLoss} (1 when the replication had one, else 0), then every metric
 * with one value per replication ({@link ReplicationTable#METRICS}) by its JSON key. Numbers are the shortest
 * decimals that read back to the same doubles, so a comparison read from the file computes what it would from the
 * run itself. Written only for runs of at most {@link ReplicationTable#MAX_REPLICATIONS} replications.
 */
public final class ReplicationsCsv {
    public static final String FILE = "replications.csv";

    private ReplicationsCsv() {
    }

    public static String write(ReplicationTable table) {
        List<List<String>> out = new ArrayList<>(table.rows() + 1);
        List<String> header = new ArrayList<>();
        header.add("replication");
        header.addAll(ReplicationTable.INDICATORS);
        ReplicationTable.METRICS.forEach(m -> header.add(m.key()));
        out.add(header);
        for (int r = 0; r < table.rows(); r++) {
            List<String> row = new ArrayList<>(header.size());
            row.add(Integer.toString(r));
            for (int i = 0; i < ReplicationTable.INDICATORS.size(); i++) {
                row.add(table.indicator(r, i) ? "1" : "0");
            }
            for (Metric m : ReplicationTable.METRICS) {
                row.add(Csv.number(table.value(r, m)));
            }
            out.add(row);
        }
        return Csv.write(out);
    }

    /** A replications.csv read back: its column of each name, every column {@code rows} long. */
    public record Columns(int rows, Map<String, double[]> columns) {
        /** The column named {@code name}, or null when the file has none. */
        public double[] column(String name) {
            return columns.get(name);
        }
    }

    /**
     * Reads a replications.csv.
     *
     * @throws IOException naming the file and line of a row that is short, long, or holds a cell that is not a
     *                     number, or of replications out of order
     */
    public static Columns read(Path file) throws IOException {
        List<Csv.Row> rows;
        try {
            rows = Csv.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (Csv.MalformedCsvException e) {
            throw new IOException(file + ":" + e.line() + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new IOException(file + ": empty (expected a header row)");
        }
        List<String> header = rows.get(0).cells();
        int n = rows.size() - 1;
        List<double[]> data = new ArrayList<>();
        header.forEach(h -> data.add(new double[n]));
        for (int r = 0; r < n; r++) {
            Csv.Row row = rows.get(r + 1);
            if (row.cells().size() != header.size()) {
                throw new IOException(file + ":" + row.line() + ": " + row.cells().size() + " cells, expected "
                        + header.size() + " as in the header");
            }
            for (int c = 0; c < header.size(); c++) {
                String cell = row.cells().get(c);
                double v;
                try {
                    v = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    v = Double.NaN;
                }
                if (!Double.isFinite(v)) {
                    throw new IOException(file + ":" + row.line() + ": column " + header.get(c) + ": '" + cell
                            + "' is not a finite number");
                }
                data.get(c)[r] = v;
            }
            if (header.get(0).equals("replication") && data.get(0)[r] != r) {
                throw new IOException(file + ":" + row.line() + ": replication " + cell(row) + " where " + r
                        + " was expected (rows must be every replication, in order)");
            }
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            columns.put(header.get(c), data.get(c));
        }
        return new Columns(n, columns);
    }

    private static String cell(Csv.Row row) {
        return row.cells().get(0);
    }
}

package org.mailsim.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.mailsim.files.AtomicFiles;
import org.mailsim.files.InputFiles;
import org.mailsim.run.Metric;
import org.mailsim.run.RunExtent;
import org.mailsim.run.Severity;
import org.mailsim.stats.Estimate;
import org.mailsim.stats.MetricSummary;

/**
 * The finished configurations of a sweep, one small text file each in {@code DIR/.sweep-state/}, named by the
 * configuration's overrides hash. Each file is written to a temporary name, forced to disk and renamed over its
 * final name, so after a crash a file is either whole or absent; a file found incomplete or unreadable anyway
 * (disk full, hand edits, bytes that are not UTF-8) is reported, naming the file, and its configuration run again.
 * Every file starts with the {@link SweepIdentity}, and ends with the SHA-256 of every line before it, so an edited
 * digit is found too; a state left by a different sweep is refused, never mixed in.
 *
 * <p>Numbers are stored with {@link Double#toString(double)}, which {@link Double#parseDouble(String)} reads back to
 * the same bits, so a resumed sweep writes exactly the table an uninterrupted one would.
 */
public final class SweepState {
    public static final String FOLDER = ".sweep-state";
    private static final String MAGIC = "mailsim-sweep-state 2";
    /** State files are a few kilobytes; anything larger is not one. */
    private static final long MAX_BYTES = 1 << 20;
    private static final String SUFFIX = ".state";
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path folder;
    private final SweepIdentity identity;
    private final Consumer<String> warnings;

    private SweepState(Path folder, SweepIdentity identity, Consumer<String> warnings) {
        this.folder = folder;
        this.identity = identity;
        this.warnings = warnings;
    }

    /**
     * Opens (creating if needed) {@code outDir/.sweep-state}, deletes temporary files left by a killed run and
     * checks that every state file belongs to this sweep.
     *
     * @param warnings receives one line per file that is skipped (incomplete or unreadable)
     * @throws SweepInputException when a state file was written by a different sweep
     */
    public static SweepState open(Path outDir, SweepIdentity identity, Consumer<String> warnings) {
        Path folder = outDir.resolve(FOLDER);
        try {
            Files.createDirectories(folder);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(TEMP_SUFFIX) || name.startsWith(".") && name.contains(SUFFIX + TEMP_SUFFIX + "-")) {
                        Files.deleteIfExists(file);
                    } else if (name.endsWith(SUFFIX)) {
                        checkIdentity(file, identity);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use sweep state folder " + folder + ": " + e.getMessage(), e);
        }
        return new SweepState(folder, identity, warnings);
    }

    public Path folder() {
        return folder;
    }

    /** The stored result of {@code configuration}, if it finished in an earlier run of this sweep. */
    public Optional<SweepPoint> load(Configuration configuration) {
        Path file = file(configuration);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(checkedLines(file), configuration));
        } catch (InputFiles.InputFileException e) {
            warnings.accept(file + (e.line() > 0 ? ":" + e.line() : "") + ": state of " + configuration.id()
                    + " is unreadable (" + e.getMessage() + "); running it again");
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            warnings.accept(file + ": state of " + configuration.id() + " is incomplete or damaged ("
                    + e.getMessage() + "); running it again");
            return Optional.empty();
        }
    }

    /** Records {@code point} as the result of {@code configuration}, atomically. */
    public void save(Configuration configuration, SweepPoint point) {
        Path file = file(configuration);
        String body = format(configuration, point);
        try {
            // The folder is the sweep's own: a state file there is replaced (a configuration run again).
            AtomicFiles.writeString(file, existing -> null, body + CHECKSUM + sha256(body) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save sweep state " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file holding {@code configuration}'s result (whether or not it exists yet). */
    public Path file(Configuration configuration) {
        return folder.resolve(configuration.overridesHash() + SUFFIX);
    }

    // ---------------------------------------------------------------- format

    private static final String CHECKSUM = "sha256 ";

    /**
     * The lines of a state file whose checksum line matches the text before it (the checksum line dropped).
     *
     * @throws InputFiles.InputFileException when the file is not a regular UTF-8 file (with the line of a bad byte)
     * @throws IllegalStateException when the checksum is missing or does not match
     */
    private static List<String> checkedLines(Path file) throws IOException {
        String text = InputFiles.readText(file, MAX_BYTES, "a sweep state file");
        int last = text.lastIndexOf(CHECKSUM);
        if (last < 0 || (last > 0 && text.charAt(last - 1) != '\n')) {
            throw new IllegalStateException("no checksum line");
        }
        String body = text.substring(0, last);
        if (!text.substring(last + CHECKSUM.length()).strip().equals(sha256(body))) {
            throw new IllegalStateException("its checksum does not match its content (edited?)");
        }
        return body.lines().toList();
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private String format(Configuration configuration, SweepPoint point) {
        StringBuilder out = new StringBuilder();
        out.append(MAGIC).append('\n');
        out.append("scenarioHash ").append(identity.scenarioHash()).append('\n');
        out.append("seed ").append(identity.seed()).append('\n');
        out.append("replications ").append(identity.replications()).append('\n');
        out.append("configuration ").append(configuration.overridesHash()).append('\n');
        configuration.overrides().forEach((k, v) -> out.append("set ").append(escape(k + "=" + v)).append('\n'));
        for (Metric metric : Metric.values()) {
            MetricSummary s = point.metric(metric);
            out.append("metric ").append(metric.key()).append(' ').append(s.count());
            for (double d : new double[] {s.mean(), s.ci95Low(), s.ci95High(), s.p50(), s.p95(), s.p99(), s.max()}) {
                out.append(' ').append(Double.toString(d));
            }
            out.append('\n');
        }
        estimate(out, "probabilityOfDataLoss", point.probabilityOfDataLoss());
        estimate(out, "mttdlHours", point.mttdlHours());
        for (Severity s : Severity.values()) {
            estimate(out, "probability " + s.key(), point.probability(s));
        }
        RunExtent x = point.extent();
        out.append("extent ").append(Double.toString(x.horizonHours())).append(' ').append(x.untilFirstDataLoss())
                .append(' ').append(x.arrays()).append(' ').append(Double.toString(x.usableTerabytes())).append('\n');
        out.append("pointReplications ").append(point.replications()).append('\n');
        out.append("end\n");
        return out.toString();
    }

    private static void estimate(StringBuilder out, String name, Estimate e) {
        out.append(name).append(' ').append(Double.toString(e.estimate())).append(' ')
                .append(Double.toString(e.ci95Low())).append(' ').append(Double.toString(e.ci95High())).append(' ')
                .append(e.boundOnly()).append('\n');
    }

    private SweepPoint parse(List<String> lines, Configuration configuration) {
        if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
            throw new IllegalStateException("not a sweep state file");
        }
        if (!lines.get(lines.size() - 1).equals("end")) {
            throw new IllegalStateException("no end line");
        }
        List<String> sets = new ArrayList<>();
        Map<Metric, MetricSummary> metrics = new EnumMap<>(Metric.class);
        Estimate pLoss = null;
        Estimate mttdl = null;
        Map<Severity, Estimate> severities = new EnumMap<>(Severity.class);
        RunExtent extent = null;
        long replications = -1;
        String hash = null;
        for (String line : lines.subList(1, lines.size() - 1)) {
            int space = line.indexOf(' ');
            String tag = space < 0 ? line : line.substring(0, space);
            String rest = space < 0 ? "" : line.substring(space + 1);
            String[] f = rest.split(" ");
            switch (tag) {
                case "scenarioHash", "seed", "replications" -> { } // checked by checkIdentity when opened
                case "configuration" -> hash = rest;
                case "set" -> sets.add(unescape(rest));
                case "metric" -> metrics.put(metric(f[0]), new MetricSummary(Long.parseLong(f[1]), d(f[2]), d(f[3]),
                        d(f[4]), d(f[5]), d(f[6]), d(f[7]), d(f[8])));
                case "probabilityOfDataLoss" -> pLoss = estimate(f);
                case "mttdlHours" -> mttdl = estimate(f);
                case "probability" -> severities.put(severity(f[0]), estimate(java.util.Arrays.copyOfRange(f, 1,
                        f.length)));
                case "extent" -> extent = new RunExtent(d(f[0]), Boolean.parseBoolean(f[1]), Long.parseLong(f[2]),
                        d(f[3]));
                case "pointReplications" -> replications = Long.parseLong(rest);
                default -> throw new IllegalStateException("unknown line '" + line + "'");
            }
        }
        if (!configuration.overridesHash().equals(hash) || !configuration.asSets().equals(sets)) {
            throw new IllegalStateException("it records other overrides " + sets);
        }
        return new SweepPoint(metrics, pLoss, mttdl, replications, severities, extent);
    }

    private static Severity severity(String key) {
        Severity s = Severity.byKey(key);
        if (s == null) {
            throw new IllegalStateException("unknown severity " + key);
        }
        return s;
    }

    private static Metric metric(String key) {
        Metric m = Metric.byKey(key);
        if (m == null) {
            throw new IllegalStateException("unknown metric " + key);
        }
        return m;
    }

    private static Estimate estimate(String[] f) {
        if (f.length != 4) {
            throw new IllegalStateException("an estimate needs 4 fields");
        }
        return new Estimate(d(f[0]), d(f[1]), d(f[2]), Boolean.parseBoolean(f[3]));
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }

    private static void checkIdentity(Path file, SweepIdentity identity) throws IOException {
        String hash = null;
        String seed = null;
        String replications = null;
        List<String> lines;
        try {
            lines = checkedLines(file);
        } catch (IOException | RuntimeException e) {
            return; // unreadable or damaged: load() reports it and the configuration runs again
        }
        if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
            return;
        }
        for (String line : lines.subList(1, Math.min(lines.size(), 5))) {
            if (line.startsWith("scenarioHash ")) {
                hash = line.substring(13);
            } else if (line.startsWith("seed ")) {
                seed = line.substring(5);
            } else if (line.startsWith("replications ")) {
                replications = line.substring(13);
            }
        }
        List<String> differences = new ArrayList<>();
        if (hash != null && !hash.equals(identity.scenarioHash())) {
            differences.add("the scenario (or its --set values) changed");
        }
        if (seed != null && !seed.equals(Long.toString(identity.seed()))) {
            differences.add("seed " + seed + " there, " + identity.seed() + " now");
        }
        if (replications != null && !replications.equals(Long.toString(identity.replications()))) {
            differences.add("replications " + replications + " there, " + identity.replications() + " now");
        }
        if (!differences.isEmpty()) {
            throw new SweepInputException(file.getParent() + " holds the results of a different sweep ("
                    + String.join("; ", differences) + "); use another --out folder, or delete "
                    + file.getParent() + " to start this sweep afresh");
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

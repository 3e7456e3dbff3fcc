package org.mailsim.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.mailsim.model.operations.CostModel;
import org.mailsim.portal.PortalExperiment.Replication;
import org.mailsim.run.ReplicationJson;
import org.mailsim.scenario.Scenario;
import org.mailsim.sweep.SweepIdentity;

/**
 * The per-replication results of a run, or of one shard of it ({@code mailsim run --results-out FILE}), as JSON
 * Lines: a header line naming the run, then one line per replication, in index order, with everything the
 * statistics and the mean cost are merged from. {@code mailsim merge} reads the parts of a run back, one after the
 * other, into exactly the outcome the run on one machine would have had.
 *
 * <p>Doubles are written exactly (see {@link ReplicationJson}); the header's scenario hash, seed, replication count
 * and version keep parts of different runs from being mixed. Which replications a part holds: see {@link Shard}.
 */
final class ResultsPart {
    /** The first field of every header: the file kind and its format version. */
    static final String FORMAT = "mailsim-results 1";

    // One JSON value per line: anything after it on the line is damage, not to be ignored.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ResultsPart() {
    }

    /** A part that cannot be merged: the message names the file (and line) and what is wrong. */
    static final class InvalidPartException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidPartException(String message) {
            super(message);
        }
    }

    /**
     * The first line of a part. Parts merge only when scenario, hash, seed, replications and version agree.
     *
     * @param scenarioHash SHA-256 of the scenario as bound (every effective value after extends and --set), see
     *                     {@link #scenarioHash}
     * @param overrides    the --set values (with replications= and seed= for --replications/--seed) the run was
     *                     given, to tell a user how to bind the scenario the same way for the merge
     * @param first        first replication in the part
     * @param last         last replication in the part (inclusive)
     */
    record Header(String scenario, String scenarioHash, long seed, int replications, String shard, int first,
                  int last, String version, List<String> overrides) {
        Header {
            overrides = List.copyOf(overrides);
        }

        static Header of(Pipeline.Loaded loaded, Shard shard, String version) {
            int replications = loaded.spec().replications();
            int first = shard.first(replications);
            return new Header(loaded.spec().name(), ResultsPart.scenarioHash(loaded.scenario()), loaded.spec().seed(),
                    replications, shard.toString(), first, first + shard.size(replications) - 1, version,
                    loaded.sets());
        }

        int count() {
            return last - first + 1;
        }

        String range() {
            return first + ".." + last;
        }

        String toJson() {
            com.fasterxml.jackson.databind.node.ObjectNode node = MAPPER.createObjectNode();
            node.put("format", FORMAT);
            node.put("scenario", scenario);
            node.put("scenarioHash", scenarioHash);
            node.put("seed", seed);
            node.put("replications", replications);
            node.put("shard", shard);
            node.put("first", first);
            node.put("last", last);
            node.put("version", version);
            overrides.forEach(node.putArray("overrides")::add);
            try {
                return MAPPER.writeValueAsString(node);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a results header", e);
            }
        }

        /** @throws IllegalArgumentException saying what is wrong with the line */
        static Header parse(String line) {
            JsonNode node;
            try {
                node = MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                node = null;
            }
            if (node == null || !node.isObject() || !FORMAT.equals(node.path("format").asText(null))) {
                throw new IllegalArgumentException("not a mailsim results file (its first line should be a header "
                        + "starting {\"format\":\"" + FORMAT + "\"; written by mailsim run --results-out)");
            }
            List<String> overrides = new ArrayList<>();
            node.path("overrides").forEach(o -> overrides.add(o.asText()));
            Header h = new Header(text(node, "scenario"), text(node, "scenarioHash"), whole(node, "seed"),
                    count(node, "replications"), text(node, "shard"), count(node, "first"),
                    count(node, "last"), text(node, "version"), overrides);
            if (h.first < 0 || h.last < h.first || h.last >= h.replications) {
                throw new IllegalArgumentException("header: replications " + h.range() + " are not within 0.."
                        + (h.replications - 1));
            }
            return h;
        }

        private static String text(JsonNode node, String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.isTextual()) {
                throw new IllegalArgumentException("header: " + field + ": missing (expected a string)");
            }
            return v.textValue();
        }

        /** A replication count or index: a whole number that fits an int (a cast would wrap a larger one). */
        private static int count(JsonNode node, String field) {
            long value = whole(node, field);
            if (value < 0 || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("header: " + field + ": " + value + " is not a replication count"
                        + " or index (expected 0 to " + Integer.MAX_VALUE + ")");
            }
            return (int) value;
        }

        private static long whole(JsonNode node, String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.canConvertToExactIntegral() || !v.canConvertToLong()) {
                throw new IllegalArgumentException("header: " + field + ": missing (expected a whole number)");
            }
            return v.longValue();
        }
    }

    /**
     * SHA-256 of the scenario as bound: {@code Scenario.toYaml()} without its leading comment (which names the
     * file paths and flags, spelt differently on different machines) and without a sweep block (which a run
     * ignores). Seed and replications are in the text, so parts of other seeds or replication counts differ.
     */
    static String scenarioHash(Scenario scenario) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    SweepIdentity.baseText(scenario.toYaml()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * Writes a part into a hidden temporary sibling of the target; {@link #commit} renames it into place once
     * every replication of the header is in, so the target is either absent or complete. Closing without a
     * commit deletes the temporary file.
     */
    static final class Writer implements Closeable {
        private final Path target;
        private final Path temporary;
        private final Header header;
        private final FileChannel channel;
        private final BufferedWriter out;
        private final boolean force;
        private final Thread cleanup;
        private int next;
        private boolean committed;

        private Writer(Path target, Path temporary, Header header, FileChannel channel, boolean force) {
            this.target = target;
            this.temporary = temporary;
            this.header = header;
            this.channel = channel;
            this.force = force;
            this.out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
                    StandardCharsets.UTF_8), 1 << 16);
            this.next = header.first();
            this.cleanup = new Thread(() -> {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // Best effort on the way out.
                }
            }, "mailsim-results-cleanup");
        }

        /**
         * @param force replace an existing file at {@code target}
         * @throws FileAlreadyExistsException when {@code target} exists and {@code force} is false
         */
        static Writer open(Path target, Header header, boolean force) throws IOException {
            checkReplaceable(target, force);
            Path absolute = target.toAbsolutePath().normalize();
            Path parent = absolute.getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, "." + absolute.getFileName() + ".tmp-", "");
            FileChannel channel;
            try {
                // Results are for others to merge: readable as a report is, not the temporary file's owner-only 0600.
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // Other file systems keep their own defaults.
            }
            try {
                channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                Files.deleteIfExists(temporary);
                throw e;
            }
            Writer writer = new Writer(absolute, temporary, header, channel, force);
            // Ctrl-C, or a scheduler's kill at the time limit: no half-written part left behind.
            Runtime.getRuntime().addShutdownHook(writer.cleanup);
            try {
                writer.out.write(header.toJson());
                writer.out.write('\n');
            } catch (IOException e) {
                writer.close();
                throw e;
            }
            return writer;
        }

        static void checkReplaceable(Path target, boolean force) throws FileAlreadyExistsException {
            if (Files.exists(target) && (!force || Files.isDirectory(target))) {
                throw new FileAlreadyExistsException(target.toString(), null, Files.isDirectory(target)
                        ? "is a folder; --results-out takes a file name"
                        : "already exists; choose another --results-out or pass --force to replace it");
            }
        }

        /**
         * Appends the next replication's line, {"replication": i, its result's fields, "cost": {...}}; replications
         * come in index order (ReplicationRunner hands them over so), from the header's first on.
         */
        void write(Replication replication) throws IOException {
            if (next > header.last()) {
                throw new IllegalStateException("more replications than the header's " + header.range());
            }
            writeLine(out, next, replication);
            out.write('\n');
            next++;
        }

        /** Writes replication {@code index}'s line, without its newline. */
        static void writeLine(java.io.Writer out, int index, Replication replication) throws IOException {
            try (JsonGenerator g = ReplicationJson.FACTORY.createGenerator(out)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
                g.writeStartObject();
                g.writeNumberField("replication", index);
                ReplicationJson.writeFields(g, replication.result());
                g.writeObjectFieldStart("cost");
                double[] amounts = replication.cost().amounts();
                for (int i = 0; i < amounts.length; i++) {
                    ReplicationJson.number(g, CostModel.KEYS[i], amounts[i]);
                }
                g.writeEndObject();
                g.writeEndObject();
            }
        }

        /** Flushes to disk and renames the part into place. */
        Path commit() throws IOException {
            if (next != header.last() + 1) {
                throw new IllegalStateException("only replications " + header.first() + ".." + (next - 1)
                        + " of " + header.range() + " were written");
            }
            out.flush();
            channel.force(true);
            out.close();
            checkReplaceable(target, force); // again: the target may have appeared while the shard ran
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
            syncFolder(target.toAbsolutePath().getParent());
            return target;
        }

        /** Makes the rename itself durable: on Linux a new name survives a power cut only once its folder is synced. */
        private static void syncFolder(Path folder) {
            try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException | UnsupportedOperationException e) {
                // Some systems cannot open a folder as a channel; the part is complete either way.
            }
        }

        @Override
        public void close() throws IOException {
            try {
                if (!committed) {
                    try {
                        out.close();
                    } finally {
                        Files.deleteIfExists(temporary);
                    }
                }
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running or about to: it cleans up.
                }
            }
        }
    }

    /**
     * Reads a part line by line, checking that it holds exactly the replications its header promises, in order.
     * Every problem is an {@link InvalidPartException} naming the file and line.
     */
    static final class Reader implements Closeable {
        private final Path file;
        private final BufferedReader in;
        private final Header header;
        private int line = 1;
        private int next;

        private Reader(Path file, BufferedReader in, Header header) {
            this.file = file;
            this.in = in;
            this.header = header;
            this.next = header.first();
        }

        /** Opens a part and reads its header. */
        static Reader open(Path file) throws IOException {
            BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            try {
                String first = readLine(file, in);
                if (first == null) {
                    throw new InvalidPartException(file + ": empty; not a mailsim results file");
                }
                try {
                    return new Reader(file, in, Header.parse(first));
                } catch (IllegalArgumentException e) {
                    throw new InvalidPartException(file + ":1: " + e.getMessage());
                }
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
        }

        private static String readLine(Path file, BufferedReader in) throws IOException {
            try {
                return in.readLine();
            } catch (CharacterCodingException e) {
                throw new InvalidPartException(file + ": not UTF-8 text; not a mailsim results file");
            }
        }

        /** Reads just the header of a part. */
        static Header header(Path file) throws IOException {
            try (Reader reader = open(file)) {
                return reader.header();
            }
        }

        Header header() {
            return header;
        }

        /** True while replications the header promises remain to be read. */
        boolean hasNext() {
            return next <= header.last();
        }

        /** The next replication; after the last, checks that nothing follows. */
        Replication next() throws IOException {
            String text = readLine(file, in);
            line++;
            if (text == null) {
                throw new InvalidPartException(file + ": ends after " + (next == header.first() ? "its header"
                        : "replication " + (next - 1)) + ", but its header promises replications "
                        + header.range() + " (an interrupted copy?)");
            }
            Replication replication;
            try {
                replication = parseLine(text, next, "a part holds replications " + header.range() + " in order");
            } catch (JsonProcessingException e) {
                throw new InvalidPartException(file + ":" + line + ": not a JSON line ("
                        + e.getOriginalMessage() + ")");
            } catch (IllegalArgumentException e) {
                throw new InvalidPartException(file + ":" + line + ": " + e.getMessage());
            }
            next++;
            if (next > header.last()) {
                String extra = readLine(file, in);
                if (extra != null && !extra.isBlank()) {
                    throw new InvalidPartException(file + ":" + (line + 1) + ": more lines after replication "
                            + header.last() + ", the last its header promises");
                }
            }
            return replication;
        }

        /**
         * One replication from its line, which must hold replication {@code expected}.
         *
         * @param order why {@code expected} is the one due, for the message when another is found
         * @throws IllegalArgumentException naming the field that is missing or wrong
         */
        static Replication parseLine(String text, long expected, String order) throws JsonProcessingException {
            JsonNode node = MAPPER.readTree(text);
            JsonNode index = node == null ? null : node.get("replication");
            if (index == null || !index.canConvertToExactIntegral()) {
                throw new IllegalArgumentException("replication: missing (expected the replication's index)");
            }
            if (index.longValue() != expected) {
                throw new IllegalArgumentException("replication " + index.asText() + " where " + expected
                        + " was expected (" + order + ")");
            }
            return new Replication(ReplicationJson.read(node), cost(node));
        }

        private static CostModel.Breakdown cost(JsonNode node) {
            JsonNode cost = node.get("cost");
            if (cost == null || !cost.isObject()) {
                throw new IllegalArgumentException("cost: missing (expected an object of amounts)");
            }
            if (cost.size() != CostModel.KEYS.length) {
                throw new IllegalArgumentException("cost: expected the " + CostModel.KEYS.length + " items "
                        + String.join(", ", CostModel.KEYS) + "; got " + cost.size());
            }
            double[] amounts = new double[CostModel.KEYS.length];
            for (int i = 0; i < amounts.length; i++) {
                try {
                    amounts[i] = ReplicationJson.number(cost, CostModel.KEYS[i]);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("cost." + e.getMessage(), e);
                }
            }
            return new CostModel.Breakdown(amounts);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

package org.mailsim.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.mailsim.files.AtomicFiles;
import org.mailsim.files.InputFiles;
import org.mailsim.files.Json;
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
    static final String FORMAT = "mailsim-results 2";


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
            com.fasterxml.jackson.databind.node.ObjectNode node = Json.object();
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
            return Json.line(node);
        }

        /** @throws IllegalArgumentException saying what is wrong with the line */
        static Header parse(String line) {
            JsonNode node;
            try {
                node = Json.read(line);
            } catch (JsonProcessingException e) {
                node = null;
            }
            if (node != null && node.isObject() && node.path("format").asText("").startsWith(KIND)
                    && !FORMAT.equals(node.path("format").asText())) {
                throw new IllegalArgumentException("written in format '" + node.path("format").asText() + "', this"
                        + " mailsim reads '" + FORMAT + "' (with a checksum); run the shard again with this mailsim");
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

    /** The kind word of every format version's header, to recognise a results file before replacing it. */
    private static final String KIND = "mailsim-results ";

    /**
     * Whether an existing file may be replaced by a part: only with {@code force}, and only a results file mailsim
     * wrote (its first line a results header), never the scenario being run or any other file.
     */
    static String refusal(Path existing, boolean force) {
        if (!force) {
            return "already exists; choose another --results-out or pass --force to replace it";
        }
        String first = AtomicFiles.firstLine(existing, 1 << 16);
        JsonNode node = null;
        try {
            node = first == null ? null : Json.read(first);
        } catch (JsonProcessingException e) {
            // not a results file
        }
        if (node == null || !node.isObject() || !node.path("format").asText("").startsWith(KIND)) {
            return "is not a mailsim results file (its first line is no '" + FORMAT + "' header); not replacing it,"
                    + " even with --force";
        }
        return null;
    }

    /**
     * Writes a part through {@link AtomicFiles#openFile}: into a hidden temporary sibling of the target, renamed into
     * place by {@link #commit} once every replication of the header and the trailer with the checksum are in, so the
     * target is either absent or complete. Closing without a commit deletes the temporary file.
     */
    static final class Writer implements Closeable {
        private final AtomicFiles.Output output;
        private final MessageDigest digest = sha256();
        private final BufferedWriter out;
        private final Header header;
        private int next;

        private Writer(AtomicFiles.Output output, Header header) {
            this.output = output;
            this.header = header;
            this.out = new BufferedWriter(new OutputStreamWriter(new DigestOutputStream(output.stream(), digest),
                    StandardCharsets.UTF_8), 1 << 16);
            this.next = header.first();
        }

        /**
         * @param force replace an existing results file at {@code target}
         * @throws FileAlreadyExistsException when {@code target} exists and may not be replaced
         */
        static Writer open(Path target, Header header, boolean force) throws IOException {
            AtomicFiles.Output output = AtomicFiles.openFile(target, existing -> refusal(existing, force));
            Writer writer = new Writer(output, header);
            try {
                writer.out.write(header.toJson());
                writer.out.write('\n');
            } catch (IOException e) {
                writer.close();
                throw e;
            }
            return writer;
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

        /** Appends the trailer (the checksum of every line before it), forces to disk and renames into place. */
        Path commit() throws IOException {
            if (next != header.last() + 1) {
                throw new IllegalStateException("only replications " + header.first() + ".." + (next - 1)
                        + " of " + header.range() + " were written");
            }
            out.flush();
            String trailer = "{\"end\":" + header.count() + ",\"sha256\":\""
                    + HexFormat.of().formatHex(digest.digest()) + "\"}\n";
            output.stream().write(trailer.getBytes(StandardCharsets.UTF_8));
            return output.commit();
        }

        @Override
        public void close() throws IOException {
            output.close();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
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
        private final MessageDigest digest;
        private int line = 1;
        private int next;

        private Reader(Path file, BufferedReader in, Header header, MessageDigest digest) {
            this.file = file;
            this.in = in;
            this.header = header;
            this.digest = digest;
            this.next = header.first();
        }

        /** Opens a part and reads its header. */
        static Reader open(Path file) throws IOException {
            BufferedReader in;
            try {
                in = new BufferedReader(new InputStreamReader(InputFiles.open(file, "a results file"),
                        StandardCharsets.UTF_8.newDecoder()), 1 << 16);
            } catch (InputFiles.InputFileException e) {
                throw new InvalidPartException(file + ": " + e.getMessage());
            }
            try {
                String first = readLine(file, in);
                if (first == null) {
                    throw new InvalidPartException(file + ": empty; not a mailsim results file");
                }
                MessageDigest digest = sha256();
                digest.update((first + "\n").getBytes(StandardCharsets.UTF_8));
                try {
                    return new Reader(file, in, Header.parse(first), digest);
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
                throw new InvalidPartException(file + ": not UTF-8 text; not a mailsim results file (damaged?)");
            }
        }

        /** Reads the whole part, checking every line and the checksum, without keeping anything. */
        static Header verify(Path file) throws IOException {
            try (Reader reader = open(file)) {
                while (reader.hasNext()) {
                    reader.next();
                }
                return reader.header();
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
            if (text != null) {
                digest.update((text + "\n").getBytes(StandardCharsets.UTF_8));
            }
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
                checkTrailer();
            }
            return replication;
        }

        /** The last line: the count and the SHA-256 of every line before it; nothing may follow. */
        private void checkTrailer() throws IOException {
            String expected = HexFormat.of().formatHex(digest.digest());
            String text = readLine(file, in);
            line++;
            JsonNode trailer = null;
            try {
                trailer = text == null ? null : Json.read(text);
            } catch (JsonProcessingException e) {
                // reported below
            }
            if (trailer == null || !trailer.has("sha256")) {
                throw new InvalidPartException(file + ":" + line + ": " + (text == null ? "ends" : "more lines")
                        + " after replication " + header.last() + ", where the trailer with the part's checksum"
                        + " belongs (an interrupted copy, or an edited file?); run the shard again");
            }
            if (!expected.equals(trailer.path("sha256").asText())) {
                throw new InvalidPartException(file + ": damaged: its checksum does not match its content (edited,"
                        + " or lines of another part?); run the shard again");
            }
            String extra = readLine(file, in);
            if (extra != null && !extra.isBlank()) {
                throw new InvalidPartException(file + ":" + (line + 1) + ": more lines after the trailer");
            }
        }

        /**
         * One replication from its line, which must hold replication {@code expected}.
         *
         * @param order why {@code expected} is the one due, for the message when another is found
         * @throws IllegalArgumentException naming the field that is missing or wrong
         */
        static Replication parseLine(String text, long expected, String order) throws JsonProcessingException {
            JsonNode node = Json.read(text);
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

package org.mailsim.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one JSON configuration of mailsim's documents (summary.json, replay.json, fit's JSON, results headers):
 * documents pretty-printed and ending in a newline, lines of JSON Lines compact, and anything after a value refused
 * when reading (damage, not to be ignored). JSON has no NaN or Infinity: {@link #number} writes a non-finite number
 * as null. Replication results, which must round-trip bit for bit, are written by ReplicationJson's own factory.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /** A new, empty object to fill. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A document: pretty-printed, ending with a newline. */
    public static String document(Object value) {
        try {
            return MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** One line of JSON Lines: compact, without the newline. */
    public static String line(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Reads one JSON value; anything after it is an error. */
    public static JsonNode read(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    /** Puts {@code value}, or null when it is NaN or infinite. */
    public static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    /** {@code value}, or null when it is NaN or infinite: for maps written as JSON or YAML. */
    public static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}

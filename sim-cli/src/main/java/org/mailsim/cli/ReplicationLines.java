package org.mailsim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.Writer;
import org.mailsim.portal.PortalExperiment.Replication;

/**
 * The replication lines of a results part ({@code mailsim run --results-out}), without the file around them: for
 * engines that carry a block of replications in memory (a Spark task's result) and merge them as {@code mailsim
 * merge} merges parts. One line per replication, {"replication": i, its result's fields, "cost": {...}}, doubles
 * written exactly, so a replication read back merges to the same bits as the one computed.
 */
public final class ReplicationLines {
    private ReplicationLines() {
    }

    /** Writes replication {@code index}'s line, without the newline. */
    public static void write(Writer out, int index, Replication replication) throws IOException {
        ResultsPart.Writer.writeLine(out, index, replication);
    }

    /**
     * Reads a line that must hold replication {@code expected}.
     *
     * @throws IllegalArgumentException when the line is not JSON, or holds another replication or a damaged one
     */
    public static Replication read(String line, int expected) {
        try {
            return ResultsPart.Reader.parseLine(line, expected, "replications come in index order");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON line (" + e.getOriginalMessage() + ")", e);
        }
    }
}

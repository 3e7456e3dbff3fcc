package org.mailsim.scenario.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailsim.files.InputFiles;
import org.mailsim.scenario.Location;
import org.mailsim.scenario.Problem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into a located tree with Jackson's streaming parser, refusing what a scenario never
 * needs and an attacker would use: files over {@link #MAX_BYTES}, nesting deeper than {@link #MAX_DEPTH}, aliases
 * (the "billion laughs" bomb is built from them; {@code extends:} shares values instead), tabs in indentation,
 * duplicate keys and several documents in one file. Problems are added to a list, never thrown.
 */
public final class YamlReader {
    /** Scenario files are hand-written; 4 MiB leaves room for long empirical tables. */
    public static final int MAX_BYTES = 4 << 20;
    /** The schema is at most six levels deep; 64 is generous and keeps a malicious file cheap to refuse. */
    public static final int MAX_DEPTH = 64;
    private static final int MAX_PROBLEMS = 50;
    /** Words of a parser message that speak of the parser's internals rather than the file. */
    private static final java.util.regex.Pattern INTERNALS = java.util.regex.Pattern.compile(
            "org\\.yaml|com\\.fasterxml|Event\\(|Feature|Base64|base64|\\bclass\\b|java\\.");

    private static final YAMLFactory FACTORY = factory();

    private YamlReader() {
    }

    private static YAMLFactory factory() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // duplicates are reported by the tree builder, all of them
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        return YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH + 1)
                        .maxStringLength(MAX_BYTES)
                        .maxDocumentLength(MAX_BYTES)
                        .build())
                .build();
    }

    /**
     * Reads {@code file}, naming it {@code displayName} in locations; null (and problems added) when unreadable:
     * only a regular file of at most {@link #MAX_BYTES} (never a device or FIFO), in UTF-8 (a bad byte is located).
     */
    public static Node read(Path file, String displayName, List<Problem> problems) {
        String text;
        try {
            text = InputFiles.readText(file, MAX_BYTES, "a scenario");
        } catch (InputFiles.InputFileException e) {
            problems.add(new Problem(displayName, Math.max(e.line(), 1), Math.max(e.column(), 1), "",
                    e.getMessage()));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(displayName, 1, 1, "", "cannot read the file (" + InputFiles.reason(e) + ")"));
            return null;
        }
        return read(text, displayName, problems);
    }

    /** Reads YAML text; null (and problems added) when it is not one well-formed document. */
    public static Node read(String text, String displayName, List<Problem> problems) {
        if (text.length() > MAX_BYTES) {
            problems.add(new Problem(displayName, 1, 1, "", "text is too large for a scenario; at most "
                    + (MAX_BYTES >> 20) + " MiB is accepted"));
            return null;
        }
        if (findTabs(text, displayName, problems)) {
            return null;
        }
        try (YAMLParser parser = FACTORY.createParser(text)) {
            return new TreeBuilder(parser, displayName, problems).build();
        } catch (JsonProcessingException e) {
            problems.add(syntaxProblem(e, displayName));
            return null;
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(displayName, 1, 1, "", "cannot parse the file as YAML; accepted: one YAML"
                    + " document of plain keys and values"));
            return null;
        }
    }

    /** YAML forbids tabs for indentation; say so at each one instead of SnakeYAML's cryptic token error. */
    private static boolean findTabs(String text, String file, List<Problem> problems) {
        boolean found = false;
        int line = 1;
        boolean indent = true;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
                indent = true;
                continue;
            }
            if (indent && c == '\t') {
                problems.add(new Problem(file, line, column, "",
                        "tab character in indentation; YAML accepts only spaces for indentation"));
                found = true;
                if (problems.size() >= MAX_PROBLEMS) {
                    return true;
                }
            } else if (c != ' ' && c != '-' && c != '\r') {
                indent = false;
            }
            column++;
        }
        return found;
    }

    private static Problem syntaxProblem(JsonProcessingException e, String file) {
        Throwable cause = e.getCause();
        if (cause instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            Mark mark = m.getProblemMark();
            String what = m.getProblem() != null ? m.getProblem() : "syntax error";
            if (m.getContext() != null) {
                what = what + " (" + m.getContext() + ")";
            }
            return new Problem(file, mark.getLine() + 1, mark.getColumn() + 1, "",
                    "YAML syntax error: " + what + "; check indentation, colons and quotes near here");
        }
        JsonLocation loc = e.getLocation();
        String message = e.getOriginalMessage();
        if (message != null && message.contains("exceeds the limit")) {
            message = "document is too large or too deeply nested";
        } else if (message == null || INTERNALS.matcher(message).find()) {
            // The parser's own words name its classes and features: say what a scenario accepts instead.
            message = "a YAML construct scenarios do not use (a tag such as !!binary, a complex key such as"
                    + " '? [a]', or a malformed value); accepted: plain keys with plain, quoted, list or map values";
        }
        return new Problem(file, loc != null ? Math.max(loc.getLineNr(), 0) : 0,
                loc != null ? Math.max(loc.getColumnNr(), 0) : 0, "", "YAML syntax error: " + message);
    }

    /** Builds the tree with an explicit stack, so hostile nesting cannot overflow the Java stack. */
    private static final class TreeBuilder {
        private final YAMLParser parser;
        private final String file;
        private final List<Problem> problems;
        private final Deque<Open> stack = new ArrayDeque<>();
        private int aliases;

        TreeBuilder(YAMLParser parser, String file, List<Problem> problems) {
            this.parser = parser;
            this.file = file;
            this.problems = problems;
        }

        private Location here() {
            JsonLocation l = parser.currentTokenLocation();
            return new Location(file, l.getLineNr(), l.getColumnNr());
        }

        Node build() throws IOException {
            Node root = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (root != null) {
                    problems.add(new Problem(file, here().line(), here().column(), "",
                            "a second YAML document ('---'); a scenario file holds exactly one"));
                    return root;
                }
                Node done = null;
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        if (stack.size() >= MAX_DEPTH) {
                            problems.add(new Problem(file, here().line(), here().column(), "",
                                    "nesting deeper than " + MAX_DEPTH + " levels; scenarios are at most a few levels"
                                            + " deep"));
                            return null;
                        }
                        stack.push(new Open(token == JsonToken.START_OBJECT, here()));
                    }
                    case FIELD_NAME -> {
                        Open top = stack.peek();
                        top.pendingKey = parser.currentName();
                        top.pendingKeyLocation = here();
                    }
                    case END_OBJECT -> done = stack.pop().toNode();
                    case END_ARRAY -> done = stack.pop().toNode();
                    default -> {
                        if (parser.isCurrentAlias()) {
                            aliases++;
                            problems.add(new Problem(file, here().line(), here().column(), "",
                                    "alias '*" + parser.getText() + "' is not accepted; write the value out, or share"
                                            + " values with 'extends: base.yaml'"));
                            if (aliases >= 10) {
                                problems.add(new Problem(file, here().line(), here().column(), "",
                                        "too many aliases; stopped reading"));
                                return null;
                            }
                            done = new ScalarNode(parser.getText(), ScalarNode.Kind.NULL, here());
                        } else {
                            done = scalar(token);
                        }
                    }
                }
                if (done != null) {
                    if (stack.isEmpty()) {
                        root = done;
                    } else {
                        stack.peek().add(done, problems);
                    }
                }
                if (problems.size() >= MAX_PROBLEMS) {
                    return null;
                }
            }
            if (root == null) {
                problems.add(new Problem(file, 1, 1, "", "the file is empty; a scenario needs at least 'name:'"));
            }
            return root;
        }

        /** The key path of the value being read, e.g. {@code storage.disk.capacity} or {@code faults[2].at}. */
        private String path() {
            StringBuilder p = new StringBuilder();
            var it = stack.descendingIterator();
            while (it.hasNext()) {
                Open o = it.next();
                if (o.isMap) {
                    if (o.pendingKey != null) {
                        p.append(p.length() > 0 ? "." : "").append(o.pendingKey);
                    }
                } else {
                    p.append('[').append(o.items.size()).append(']');
                }
            }
            return p.toString();
        }

        private ScalarNode scalar(JsonToken token) throws IOException {
            ScalarNode.Kind kind = switch (token) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> ScalarNode.Kind.NUMBER;
                case VALUE_TRUE, VALUE_FALSE -> ScalarNode.Kind.BOOLEAN;
                case VALUE_NULL -> ScalarNode.Kind.NULL;
                default -> ScalarNode.Kind.STRING;
            };
            String text = kind == ScalarNode.Kind.NULL ? "" : parser.getText();
            return new ScalarNode(text, kind, here());
        }

        private final class Open {
            final boolean isMap;
            final Location location;
            final Map<String, MapNode.Entry> entries = new LinkedHashMap<>();
            final List<Node> items = new ArrayList<>();
            String pendingKey;
            Location pendingKeyLocation;

            Open(boolean isMap, Location location) {
                this.isMap = isMap;
                this.location = location;
            }

            void add(Node node, List<Problem> problems) {
                if (!isMap) {
                    items.add(node);
                    return;
                }
                MapNode.Entry first = entries.get(pendingKey);
                if (first != null) {
                    problems.add(new Problem(file, pendingKeyLocation.line(), pendingKeyLocation.column(), path(),
                            "duplicate key '" + pendingKey + "' (first written at line " + first.keyLocation().line()
                                    + "); each key may appear once in a map"));
                } else {
                    entries.put(pendingKey, new MapNode.Entry(pendingKey, pendingKeyLocation, node));
                }
            }

            Node toNode() {
                return isMap ? new MapNode(entries, location) : new ListNode(items, location);
            }
        }
    }
}

package org.mailsim.scenario;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.mailsim.scenario.yaml.ListNode;
import org.mailsim.scenario.yaml.MapNode;
import org.mailsim.scenario.yaml.Node;
import org.mailsim.scenario.yaml.ScalarNode;

/** Writes nodes back as YAML text that reads back to the same values. */
final class YamlText {
    /** Plain scalars that YAML reads back unchanged as text (schema typing works on the text). */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.+/%-][A-Za-z0-9_.+/% -]*");
    private static final java.util.Set<String> RESERVED = java.util.Set.of("null", "~", "true", "false", "yes",
            "no", "on", "off", "y", "n");

    private YamlText() {
    }

    /** Whether YAML reads {@code text}, written plain, back as that very text: no quotes, no special value. */
    static boolean readsBackAsText(String text) {
        return PLAIN.matcher(text).matches() && !text.endsWith(" ") && !text.startsWith("-")
                && !RESERVED.contains(text.toLowerCase(Locale.ROOT));
    }

    static String scalar(String text, ScalarNode.Kind kind) {
        if (kind == ScalarNode.Kind.NULL) {
            return "null";
        }
        if (kind != ScalarNode.Kind.STRING) {
            return text;
        }
        if (readsBackAsText(text)) {
            return text;
        }
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                case '\r' -> s.append("\\r");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    /** One-line flow form: {@code {distribution: weibull, shape: 1.2, scale: 461386h}}, {@code [1, 2]}. */
    static String inline(Node node) {
        if (node instanceof ScalarNode s) {
            return scalar(s.text(), s.kind());
        }
        StringBuilder b = new StringBuilder();
        if (node instanceof ListNode l) {
            b.append('[');
            for (Iterator<Node> it = l.items().iterator(); it.hasNext();) {
                b.append(inline(it.next())).append(it.hasNext() ? ", " : "");
            }
            return b.append(']').toString();
        }
        MapNode m = (MapNode) node;
        b.append('{');
        for (Iterator<Map.Entry<String, MapNode.Entry>> it = m.entries().entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, MapNode.Entry> e = it.next();
            b.append(scalar(e.getKey(), ScalarNode.Kind.STRING)).append(": ").append(inline(e.getValue().value()))
                    .append(it.hasNext() ? ", " : "");
        }
        return b.append('}').toString();
    }

    /** Block form of a value at {@code indent}: lists of maps as "- key: v" items, everything else inline. */
    static void block(StringBuilder out, String key, Node node, int indent, String comment) {
        String pad = " ".repeat(indent);
        if (node instanceof ListNode l && !l.items().isEmpty() && l.items().get(0) instanceof MapNode) {
            out.append(pad).append(key).append(":\n");
            for (Node item : l.items()) {
                boolean first = true;
                for (MapNode.Entry e : ((MapNode) item).entries().values()) {
                    out.append(pad).append(first ? "  - " : "    ").append(scalar(e.key(), ScalarNode.Kind.STRING))
                            .append(": ").append(inline(e.value())).append('\n');
                    first = false;
                }
            }
            return;
        }
        out.append(pad).append(key).append(": ").append(inline(node));
        if (comment != null) {
            out.append("  # ").append(comment);
        }
        out.append('\n');
    }
}

package org.mailsim.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Generates docs/scenario-format.md from the {@link Schema}, so the documentation cannot drift from the code.
 * Regenerate with {@code mvn -o -q -pl sim-core test -Dtest=ScenarioFormatTest -Dmailsim.writeDocs=true}.
 */
public final class ScenarioFormat {
    private ScenarioFormat() {
    }

    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Scenario format\n\n")
                .append("<!-- Generated from org.mailsim.scenario.Schema; do not edit by hand. Regenerate with:\n")
                .append("     mvn -o -q -pl sim-core test -Dtest=ScenarioFormatTest -Dmailsim.writeDocs=true -->\n\n")
                .append("A scenario is one YAML file. Every key below is optional unless marked **required**; a key"
                        + " left out takes its default. Check a file with `mailsim validate FILE`.\n\n")
                .append("## Units\n\n")
                .append("| kind | examples | converted to |\n|---|---|---|\n");
        for (Quantity q : Quantity.values()) {
            md.append("| ").append(q.article().substring(2)).append(" | ").append(q.examples()).append(" | ")
                    .append(q.baseUnit()).append(" |\n");
        }
        md.append("\nA bare `0` needs no unit. `m` is minutes (not months). Probabilities and fractions accept"
                + " `0.02` or `2%`. Numbers may use `_` as a digit separator (`461_386h`).\n\n")
                .append("## Sharing and overriding\n\n")
                .append("- `extends: base.yaml` reads a base scenario (path relative to this file; bases may extend"
                        + " further bases; cycles are refused). This file's keys override the base's key by key;"
                        + " lists and distribution blocks are replaced whole; `key: null` removes an inherited"
                        + " value.\n")
                .append("- `--set key.path=value` (repeatable, on `run`, `sweep` and `validate`) overrides one key;"
                        + " the value is read as YAML, so `--set storage.disk.lifetime={distribution: exponential,"
                        + " mean: 50y}` works. Problems name `--set` as their location.\n")
                .append("- Not accepted: tabs in indentation, duplicate keys, YAML aliases (`*name`), more than one"
                        + " document, nesting deeper than ").append(org.mailsim.scenario.yaml.YamlReader.MAX_DEPTH)
                .append(" levels, files over ").append(org.mailsim.scenario.yaml.YamlReader.MAX_BYTES >> 20)
                .append(" MiB.\n\n")
                .append("## Distribution blocks\n\n")
                .append("A key of type *distribution* takes a block `{distribution: NAME, ...parameters}`; parameters"
                        + " carry the key's unit (a duration for lifetimes and repair times, a size for message sizes,"
                        + " a plain number otherwise). A bare value (`12h`) means `deterministic`.\n\n")
                .append("| distribution | parameters |\n|---|---|\n")
                .append("| deterministic | `value` |\n")
                .append("| exponential | `mean` |\n")
                .append("| weibull | `shape` (number), `scale`, `location` (optional, default 0) |\n")
                .append("| lognormal | `sigma` (number) and either `median` or `mu` (mean of the log) |\n")
                .append("| uniform | `low`, `high` |\n")
                .append("| empirical | `values` (list of observations) |\n")
                .append("| bathtub (lifetimes only) | `infantShape` (number, below 1), `infantScale`, `usefulLifeMean`"
                        + " (optional: the constant hazard's mean, absent for none), `wearShape` (number, above 1),"
                        + " `wearScale`, `wearLocation` (optional, default 0): infant mortality, useful life and"
                        + " wear-out as competing risks |\n")
                .append("| hazardTable (lifetimes only) | `ages` (list of ages, the first 0) and `afr` (list of"
                        + " annualised failure rates, fractions below 1): the hazard from each age to the next, the"
                        + " last for ever |\n\n")
                .append("A key that accepts only some families says so in its row (e.g. mailbox sizes are lognormal"
                        + " only).\n\n")
                .append("## Keys\n\n")
                .append("Keys inside list items are written `list[].key`.\n\n")
                .append("| key | type | default | accepted | meaning |\n|---|---|---|---|---|\n");
        for (Key k : Schema.SCENARIO.keys()) {
            md.append("| `").append(k.path()).append("` | ").append(typeName(k)).append(" | ")
                    .append(k.mandatory() ? "**required**" : k.defaultText() == null ? "—"
                            : "`" + k.defaultText() + "`")
                    .append(" | ").append(accepted(k)).append(" | ").append(k.description().replace("|", "\\|"))
                    .append(" |\n");
        }
        presets(md);
        return md.toString();
    }

    /** Each preset's values beside the defaults they stand in for, read from the preset files themselves. */
    private static void presets(StringBuilder md) {
        md.append("\n## Presets\n\n")
                .append("A preset key picks a named set of values that stand in for the defaults above; keys the"
                        + " scenario writes still override them, and keys a preset does not list keep their default."
                        + " The first choice of each preset key is the defaults themselves. The sets are scenario"
                        + " fragments in `sim-core/src/main/resources/org/mailsim/scenario/presets/`, with their"
                        + " sources and assumptions as comments.\n");
        for (Key k : Schema.SCENARIO.keys()) {
            if (!Presets.isPresetKey(k)) {
                continue;
            }
            for (String choice : k.choices()) {
                List<Value> values = Presets.values(k, choice);
                if (values.isEmpty()) {
                    continue;
                }
                md.append("\n### `").append(k.path()).append(": ").append(choice).append("`\n\n")
                        .append("| key | default | ").append(choice).append(" |\n|---|---|---|\n");
                for (Value v : values) {
                    md.append("| `").append(v.key().path()).append("` | `").append(v.key().defaultText())
                            .append("` | `").append(YamlText.inline(v.node())).append("` |\n");
                }
            }
        }
    }

    private static String typeName(Key k) {
        ValueType t = k.type();
        if (t.quantity() != null) {
            return t.quantity().article().substring(2) + " (" + t.quantity().baseUnit() + ")";
        }
        if (t == ValueType.DISTRIBUTION) {
            return "distribution" + (k.distributionOf() != null ? " of " + k.distributionOf().article().substring(2)
                    : "");
        }
        return t.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static String accepted(Key k) {
        StringBuilder s = new StringBuilder();
        if (k.type() == ValueType.CHOICE) {
            s.append(String.join(", ", k.choices()));
        } else if (k.type() == ValueType.DISTRIBUTION && !k.choices().isEmpty()) {
            s.append("distribution: ").append(String.join(", ", k.choices()));
        } else if (k.type() == ValueType.NUMBER_LIST && k.listLength() > 0) {
            s.append(k.listLength()).append(" numbers");
        }
        String range = k.rangeText();
        if (!range.isEmpty()) {
            s.append(s.length() > 0 ? ", each " : "").append(range);
        }
        for (String w : k.words()) {
            s.append(s.length() > 0 ? " or " : "").append('`').append(w).append('`');
        }
        return s.toString().replace("|", "\\|");
    }

    /** Writes the document to {@code args[0]} (default docs/scenario-format.md). */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "docs/scenario-format.md");
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.writeString(target, markdown(), StandardCharsets.UTF_8);
    }
}

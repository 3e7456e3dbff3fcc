package org.mailsim.fit;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A drive model as a capacity planner names it: the vendor and the model number the vendor prints on the label
 * ({@code WDC WUH721816ALE6L4}, {@code Seagate ST4000DM000}), read from the model field of a drive-stats file.
 *
 * <p>Why this is needed. Backblaze writes the model field as the drive reports it: Seagate drives without a vendor
 * word ({@code ST4000DM000}), others with one ({@code WDC WUH721816ALE6L4}, {@code TOSHIBA MG07ACA14TA}), solid-state
 * boot drives with a product line ({@code Seagate BarraCuda SSD ZA2000CM10002}), and a few fields that name no drive
 * model at all: placeholders such as {@code ST320005XXXX}, truncated or garbled fields such as {@code 00MD00},
 * virtual devices such as {@code DELLBOSS VD}. Such rows are drives whose model is unknown; a table of models
 * leaves them out and says so, rather than listing them as models.
 *
 * @param field the model field as written in the file
 * @param vendor the vendor as usually written ({@code WDC}, {@code Seagate}, {@code Toshiba}); empty if unknown
 * @param number the model number, upper case; empty if the field names no model
 * @param problem why the field names no drive model, or null when it does
 */
public record DriveModelName(String field, String vendor, String number, String problem) {
    private static final Map<String, String> VENDORS = Map.ofEntries(Map.entry("wdc", "WDC"),
            Map.entry("wd", "WDC"), Map.entry("hgst", "HGST"), Map.entry("hitachi", "Hitachi"),
            Map.entry("toshiba", "Toshiba"), Map.entry("seagate", "Seagate"), Map.entry("samsung", "Samsung"),
            Map.entry("micron", "Micron"), Map.entry("crucial", "Crucial"), Map.entry("intel", "Intel"),
            Map.entry("kingston", "Kingston"), Map.entry("sandisk", "SanDisk"));
    /** Runs of X or ? stand for unknown characters: a placeholder, not a model number. */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i).*(xxx|\\?|\\*|#).*");
    /** Every vendor's model numbers start with a letter and carry digits (ST4000DM000, HUH721212ALE604, MG08ACA16TE). */
    private static final Pattern MODEL_NUMBER = Pattern.compile("(?i)[a-z][a-z0-9_.-]*[0-9][a-z0-9_.-]*");
    /** Shorter than this, a field is a fragment or a device name (VD), not a model number. */
    private static final int MIN_LENGTH = 5;

    /** Reads a model field. */
    public static DriveModelName parse(String field) {
        String text = field == null ? "" : field.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return new DriveModelName("", "", "", "empty model field");
        }
        String[] words = text.split(" ");
        String last = words[words.length - 1];
        String vendor = "";
        if (words.length > 1) {
            String first = words[0].toLowerCase(Locale.ROOT);
            vendor = VENDORS.getOrDefault(first, words[0].toUpperCase(Locale.ROOT));
        } else if (last.toLowerCase(Locale.ROOT).startsWith("st")) {
            vendor = "Seagate";   // Seagate's drives report their model number alone, and every one starts with ST
        }
        String number = last.toUpperCase(Locale.ROOT);
        if (PLACEHOLDER.matcher(last).matches()) {
            return new DriveModelName(text, vendor, number, "a placeholder, not a model number");
        }
        if (last.length() < MIN_LENGTH || !MODEL_NUMBER.matcher(last).matches()) {
            return new DriveModelName(text, vendor, number, "not a model number");
        }
        return new DriveModelName(text, vendor, number, null);
    }

    /** Whether the field names a drive model. */
    public boolean identified() {
        return problem == null;
    }

    /** {@code WDC WUH721816ALE6L4}; the field itself when it names no model. */
    public String display() {
        if (!identified()) {
            return field;
        }
        return vendor.isEmpty() ? number : vendor + " " + number;
    }

    /**
     * A pattern for the model's family, the models that share its series, capacity and interface letters and differ
     * in the revision: {@code ST16000NM*} for ST16000NM002J, {@code HUH721212ALE*} for HUH721212ALE604.
     */
    public String family() {
        java.util.regex.Matcher m = FAMILY.matcher(number);
        return (m.lookingAt() ? m.group() : number) + "*";
    }

    private static final Pattern FAMILY = Pattern.compile("[A-Z]+[0-9]+[A-Z]+");

    /** Whether a user's pattern names this model: the field as written, the model number, or vendor and number. */
    boolean matches(Pattern pattern) {
        return pattern.matcher(field).matches() || pattern.matcher(number).matches()
                || pattern.matcher(display()).matches();
    }
}

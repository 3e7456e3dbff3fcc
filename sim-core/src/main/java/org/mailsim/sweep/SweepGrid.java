package org.mailsim.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The cartesian product of a sweep block, in a fixed order: as nested loops over the keys in file order, the
 * first key the outermost loop and each key's values in list order. So for
 * {@code {storage.raid.level: [raid5, raid6], storage.raid.width: [6, 8]}} the configurations are
 * (raid5, 6), (raid5, 8), (raid6, 6), (raid6, 8). The order, and so every configuration's index, follows from the
 * scenario text alone.
 */
public final class SweepGrid {
    /** Beyond this the grid is almost surely a typo; a planner splits such a sweep deliberately. */
    public static final int MAX_CONFIGURATIONS = 100_000;

    private final List<String> keys;
    private final List<Configuration> configurations;

    private SweepGrid(List<String> keys, List<Configuration> configurations) {
        this.keys = List.copyOf(keys);
        this.configurations = Collections.unmodifiableList(configurations);
    }

    /**
     * @param sweep key path to the values to try (YAML text), iterated in the map's order (use the scenario's
     *              {@code sweep()}, which keeps file order)
     * @throws SweepInputException when the block is empty, a key has no values or repeats a value, or the grid
     *                             exceeds {@link #MAX_CONFIGURATIONS}
     */
    public static SweepGrid expand(Map<String, List<String>> sweep) {
        if (sweep.isEmpty()) {
            throw new SweepInputException("the scenario has no sweep: block; add one, e.g. "
                    + "sweep: {storage.raid.level: [raid5, raid6]}");
        }
        List<String> keys = new ArrayList<>(sweep.keySet());
        List<List<String>> values = new ArrayList<>();
        long size = 1;
        for (String key : keys) {
            List<String> list = sweep.get(key);
            if (list == null || list.isEmpty()) {
                throw new SweepInputException("sweep." + key + ": expected a non-empty list of values");
            }
            Set<String> seen = new HashSet<>();
            for (String v : list) {
                if (!seen.add(v)) {
                    throw new SweepInputException("sweep." + key + ": value " + v
                            + " is listed twice; each configuration must be distinct");
                }
            }
            values.add(List.copyOf(list));
            size *= list.size();
            if (size > MAX_CONFIGURATIONS) {
                throw new SweepInputException("the sweep has more than " + MAX_CONFIGURATIONS
                        + " configurations; split it into smaller sweeps");
            }
        }
        List<Configuration> out = new ArrayList<>((int) size);
        int[] digit = new int[keys.size()];
        for (int index = 0; index < size; index++) {
            Map<String, String> overrides = new LinkedHashMap<>();
            for (int k = 0; k < keys.size(); k++) {
                overrides.put(keys.get(k), values.get(k).get(digit[k]));
            }
            String hash = hash(overrides);
            out.add(new Configuration(index, String.format(Locale.ROOT, "c%04d-%s", index, hash.substring(0, 8)),
                    overrides, hash));
            // Odometer: the last key turns fastest.
            for (int k = keys.size() - 1; k >= 0; k--) {
                if (++digit[k] < values.get(k).size()) {
                    break;
                }
                digit[k] = 0;
            }
        }
        return new SweepGrid(keys, out);
    }

    /** The swept key paths, in file order. */
    public List<String> keys() {
        return keys;
    }

    public List<Configuration> configurations() {
        return configurations;
    }

    public int size() {
        return configurations.size();
    }

    /** First 16 hex digits of SHA-256 over {@code key=value\n} lines: stable across runs, JVMs and machines. */
    static String hash(Map<String, String> overrides) {
        StringBuilder text = new StringBuilder();
        overrides.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return sha256Hex(text.toString()).substring(0, 16);
    }

    static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(64);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}

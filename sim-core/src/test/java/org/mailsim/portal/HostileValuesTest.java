package org.mailsim.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailsim.scenario.Key;
import org.mailsim.scenario.Problem;
import org.mailsim.scenario.Scenario;
import org.mailsim.scenario.ScenarioException;
import org.mailsim.scenario.Schema;
import org.mailsim.scenario.ValueType;

/**
 * Every key of the schema, given each of a set of hostile values (through --set, or inside a list item), is either
 * accepted or refused with located problems: never another exception from validation or binding (an unknown state
 * of the binder is a bug, not a user message). Found, among others, {@code faults[].group: -1} and
 * {@code group: everyone} crashing the consistency checks.
 */
class HostileValuesTest {
    /** A scenario that writes one of most things, so the checks between keys all run. */
    private static final String BASE = """
            name: hostile
            replications: 2
            horizon: 30d
            users:
              count: 1000
            backups: {policy: full, interval: 1d}
            storage:
              groups: 2
              raid: {level: raid6, width: 6}
              disk:
                capacity: 1TB
                lifetime: {distribution: weibull, shape: 1.2, scale: 100000h}
                latentErrors:
                  rate: 1e-6/h
                  scrub: {interval: 2w, distribution: exponential}
              spares: {kind: hot, count: 1}
              correlated:
                lots:
                  - {name: lot, fraction: 50%, hazardMultiplier: 3}
                shocks:
                  - {kind: enclosure, name: s, rate: 0.25/y, scope: group, effect: offline, disks: 2, offlineTime: 4h}
            faults:
              - {at: 3d, kind: disk-failure, group: 0, array: 0, disk: 0}
            reported:
              - {milestone: "back", hours: 48h, simulatedBy: hoursToRestoreService, source: "test"}
            """;

    /** A valid item of each list, into which one field is replaced. */
    private static final Map<String, String> ITEMS = Map.of(
            "storage.correlated.lots", "{name: lot, fraction: 50%, hazardMultiplier: 3}",
            "storage.correlated.shocks",
            "{kind: enclosure, name: s, rate: 0.25/y, scope: group, effect: offline, disks: 2, offlineTime: 4h}",
            "faults", "{at: 3d, kind: group-outage, group: 0, duration: 1d}",
            "reported", "{milestone: back, hours: 48h, simulatedBy: hoursToRestoreService, source: test}");

    private static final List<String> HOSTILE = List.of("0", "-1", "-1y", "1 year", "12mo", ".inf", "-.inf",
            ".nan", "200000y", "1e400", "everyone", "all", "unlimited", "first-data-loss", "1.5", "9223372036854775808",
            "''", "null", "[]", "{}", "true", "0h", "1e-300", "-0");

    @Test
    void everyKeyWithEveryHostileValueIsAcceptedOrRefusedWithALocation() {
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (Key key : Schema.SCENARIO.keys()) {
            if (key.type() == ValueType.SECTION_LIST || key.path().equals("extends") || key.path().equals("sweep")) {
                continue;
            }
            for (String value : HOSTILE) {
                String set = set(key.path(), value);
                if (set == null) {
                    continue;
                }
                tried++;
                try {
                    ScenarioBinding.bind(Scenario.parse(BASE, "hostile.yaml", Path.of("."), List.of(set)));
                } catch (ScenarioException e) {
                    for (Problem p : e.problems()) {
                        if (p.file().isEmpty() || p.message().contains("Exception")) {
                            failures.add(set + " -> unlocated: " + p.format());
                        }
                        if (p.message().indexOf("accepted:") != p.message().lastIndexOf("accepted:")
                                || p.message().matches(".*(, or '[^']+')\\1.*")) {
                            failures.add(set + " -> says what is accepted twice: " + p.format());
                        }
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    failures.add(set + " -> " + e);
                }
            }
        }
        assertThat(tried).isGreaterThan(2000);
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    /** The --set that gives {@code path} the value: directly, or as a field of a list's one valid item. */
    private static String set(String path, String value) {
        int list = path.indexOf("[]");
        if (list < 0) {
            return path + "=" + value;
        }
        String listPath = path.substring(0, list);
        String field = path.substring(list + 3);
        String item = ITEMS.get(listPath);
        if (item == null || field.contains(".")) {
            return null;
        }
        String body = item.substring(1, item.length() - 1);
        StringBuilder fields = new StringBuilder();
        boolean replaced = false;
        for (String part : body.split(", (?=[A-Za-z]+:)")) {
            String name = part.substring(0, part.indexOf(':'));
            if (name.equals(field)) {
                part = field + ": " + value;
                replaced = true;
            }
            fields.append(fields.length() > 0 ? ", " : "").append(part);
        }
        if (!replaced) {
            fields.append(", ").append(field).append(": ").append(value);
        }
        return listPath + "=[{" + fields + "}]";
    }
}

package org.mailsim.report.replay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mailsim.files.Json;
import org.mailsim.report.Milestone;
import org.mailsim.run.Incident;

/**
 * replay.json, for notebooks: the reported timeline, then one object per variant with its postmortem figures, each
 * reported milestone beside its simulated time, and the phases of the incident drawn in its timeline (hours from
 * that incident's start). Numbers that do not exist (a milestone nothing simulates) are null.
 */
public final class ReplayJson {
    private ReplayJson() {
    }

    public static String toJson(ReplayReport replay) {
        return Json.document(toTree(replay));
    }

    public static ObjectNode toTree(ReplayReport replay) {
        ObjectNode root = Json.object();
        root.put("replay", replay.name());
        root.put("version", replay.version());
        root.put("command", replay.command());
        ArrayNode reported = root.putArray("reported");
        for (int i = 0; i < replay.reported().milestones().size(); i++) {
            Milestone m = replay.reported().milestones().get(i);
            ObjectNode node = reported.addObject();
            node.put("milestone", m.name());
            node.put("hours", m.reportedHours());
            if (m.simulatedBy() == null) {
                node.putNull("simulatedBy");
            } else {
                node.put("simulatedBy", m.simulatedBy());
            }
            node.put("source", replay.reported().sources().get(i));
        }
        ArrayNode variants = root.putArray("variants");
        for (ReplayVariant v : replay.variants()) {
            variants.add(variant(v));
        }
        return root;
    }

    private static ObjectNode variant(ReplayVariant v) {
        ReplayFigures f = v.figures();
        ObjectNode node = Json.object();
        node.put("variant", v.name());
        node.put("whatIf", v.whatIf());
        node.put("description", v.description());
        node.put("file", v.file());
        node.put("report", v.folder() + "/index.html");
        node.put("seed", v.report().seed());
        node.put("replications", f.replications());
        node.put("replicationsWithIncident", f.replicationsWithIncident());
        range(node.putObject("hoursToRestoreService"), f.hoursToRestoreService());
        range(node.putObject("hoursToFullRecovery"), f.hoursToFullRecovery());
        Json.number(node, "mailsLost", f.mailsLost());
        Json.number(node, "usersAffected", f.usersAffected());
        Json.number(node, "usersWithLoss", f.usersWithLoss());
        Json.number(node, "mailsDeferred", f.mailsDeferred());
        Json.number(node, "mailsBounced", f.mailsBounced());
        Json.number(node, "mailsFailedToSend", f.mailsFailedToSend());
        Json.number(node, "userHoursUnavailable", f.userHoursUnavailable());
        Json.number(node, "totalCost", f.totalCost());
        Json.number(node, "incidentsPerReplication", f.incidentsPerReplication());
        ArrayNode milestones = node.putArray("milestones");
        for (ReplayVariant.Comparison c : v.comparisons()) {
            ObjectNode m = milestones.addObject();
            m.put("milestone", c.milestone().name());
            m.put("reportedHours", c.milestone().reportedHours());
            Json.number(m, "simulatedHours", c.simulatedHours());
            Json.number(m, "differenceHours", c.differenceHours());
        }
        ArrayNode phases = node.putArray("phases");
        Incident shown = v.shown();
        if (shown != null) {
            node.put("shownIncident", shown.storageGroup() + ", replication " + shown.replication());
            for (Incident.Phase p : shown.phases()) {
                ObjectNode phase = phases.addObject();
                phase.put("name", p.name());
                phase.put("startHours", p.startHours() - shown.startHours());
                phase.put("endHours", p.endHours() - shown.startHours());
            }
        } else {
            node.putNull("shownIncident");
        }
        return node;
    }

    private static void range(ObjectNode node, ReplayFigures.Range r) {
        Json.number(node, "mean", r.mean());
        Json.number(node, "min", r.min());
        Json.number(node, "max", r.max());
    }
}

package org.mailsim.report.replay;

import java.util.ArrayList;
import java.util.List;
import org.mailsim.report.Figures;
import org.mailsim.report.ReportTable;

/** The replay on a terminal: the reported timeline, then one row per variant. */
public final class ReplayTable {
    private ReplayTable() {
    }

    public static String render(ReplayReport replay) {
        StringBuilder out = new StringBuilder();
        ReplayVariant base = replay.base();
        out.append("replay ").append(replay.name()).append(": ").append(replay.variants().size())
                .append(" variants, ").append(base.figures().replications()).append(" replications of the base")
                .append(" (mailsim ").append(replay.version()).append(")\n\n");
        if (!base.comparisons().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"reported milestone", "reported", "simulated", "difference"});
            for (ReplayVariant.Comparison c : base.comparisons()) {
                rows.add(new String[] {c.milestone().name(), Figures.duration(c.milestone().reportedHours()),
                    Double.isNaN(c.simulatedHours()) ? "-" : Figures.duration(c.simulatedHours()),
                    Double.isNaN(c.simulatedHours()) ? "-" : signed(c.differenceHours())});
            }
            ReportTable.appendAligned(out, rows, new boolean[] {false, true, true, true});
            out.append('\n');
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"variant", "send/receive back", "full recovery", "mails lost", "users affected",
            "users with loss", "mails bounced", "cost"});
        for (ReplayVariant v : replay.variants()) {
            ReplayFigures f = v.figures();
            rows.add(new String[] {v.whatIf(), Figures.duration(f.hoursToRestoreService().mean()),
                Figures.duration(f.hoursToFullRecovery().mean()), Figures.number(Math.round(f.mailsLost())),
                Figures.number(Math.round(f.usersAffected())), Figures.number(Math.round(f.usersWithLoss())),
                Figures.number(Math.round(f.mailsBounced())), Figures.number(Math.round(f.totalCost()))});
        }
        ReportTable.appendAligned(out, rows, new boolean[] {false, true, true, true, true, true, true, true});
        out.append("\nTimes from the failure that cut users off, means over replications; 0 when no user lost access.\n");
        return out.toString();
    }

    static String signed(double hours) {
        if (Math.abs(hours) < 1e-6) {
            return "0 h"; // an input reproduced exactly, up to rounding
        }
        return (hours >= 0 ? "+" : "-") + Figures.duration(Math.abs(hours));
    }
}

package org.mailsim.report.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mailsim.report.ReportCharts;
import org.mailsim.report.ReportFolder;

/**
 * Writes a replay's report folder all at once or not at all (through {@link ReportFolder#writeAtomically}):
 * index.html, comparison.png, timeline-VARIANT.png per variant, replay.csv, replay.json, and each variant's full
 * run report under variants/VARIANT/.
 */
public final class ReplayFolder {
    public static final String MARKER = ReportFolder.REPLAY_MARKER;
    public static final String COMPARISON_CHART = "comparison.png";

    private ReplayFolder() {
    }

    /** Writes the replay report to {@code target}; returns the folder's absolute path. */
    public static Path write(ReplayReport replay, Path target, boolean force) throws IOException {
        return ReportFolder.writeAtomically(target, force, folder -> writeContents(replay, folder));
    }

    /** The replay's files, written into an existing folder (no atomicity: use {@link #write}). */
    public static void writeContents(ReplayReport replay, Path folder) throws IOException {
        for (ReplayVariant v : replay.variants()) {
            Path sub = folder.resolve(v.folder());
            Files.createDirectories(sub);
            ReportFolder.writeContents(v.report(), sub);
            ReportCharts.savePng(ReplayCharts.timeline(v, replay.reported().milestones()),
                    folder.resolve(v.timelineFile()), ReplayHtml.CHART_WIDTH, ReplayHtml.CHART_HEIGHT);
        }
        ReportCharts.savePng(ReplayCharts.comparison(replay), folder.resolve(COMPARISON_CHART),
                ReplayHtml.CHART_WIDTH, ReplayHtml.CHART_HEIGHT);
        ReportFolder.writeString(folder.resolve("replay.csv"), ReplayCsv.render(replay));
        ReportFolder.writeString(folder.resolve(MARKER), ReplayJson.toJson(replay));
        // Last, so the page exists only once everything it refers to does.
        ReportFolder.writeString(folder.resolve("index.html"), ReplayHtml.render(replay, COMPARISON_CHART));
    }
}

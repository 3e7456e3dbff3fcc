package org.mailsim.portal;

import java.util.Map;
import org.mailsim.model.operations.CostModel;
import org.mailsim.run.ReplicationResult;
import org.mailsim.run.ReplicationRunner;
import org.mailsim.run.RunStatistics;

/**
 * Runs a portal's replications in parallel and merges them, in replication order, into statistics and the mean
 * cost breakdown: the pipeline's "run replications, merge statistics" step.
 */
public final class PortalExperiment {
    private final PortalSpec spec;

    public PortalExperiment(PortalSpec spec) {
        this.spec = spec;
    }

    /** What a run produced. {@code meanCost} is the cost breakdown averaged over replications, in stable key order. */
    public record Outcome(PortalSpec spec, RunStatistics statistics, Map<String, Double> meanCost) {
    }

    public Outcome run(int threads, ReplicationRunner.Progress progress) {
        RunStatistics statistics = new RunStatistics();
        CostModel.Breakdown[] total = {null};
        new ReplicationRunner(threads).run(spec.replications(), this::replicate, r -> {
            statistics.add(r.result());
            total[0] = total[0] == null ? r.cost() : total[0].plus(r.cost());
        }, progress);
        return new Outcome(spec, statistics, total[0].scaled(1.0 / spec.replications()).asMap());
    }

    /** One replication's result and cost; deterministic in (seed, index). */
    public Replication replicate(int index) {
        PortalReplication replication = new PortalReplication(spec, index);
        ReplicationResult result = replication.run();
        return new Replication(result, replication.cost());
    }

    public record Replication(ReplicationResult result, CostModel.Breakdown cost) {
    }
}

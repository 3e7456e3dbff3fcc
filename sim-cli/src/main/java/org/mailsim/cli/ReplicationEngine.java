package org.mailsim.cli;

import java.util.function.Consumer;
import org.mailsim.portal.PortalExperiment;
import org.mailsim.portal.PortalSpec;
import org.mailsim.run.ReplicationRunner;
import org.mailsim.scenario.Scenario;

/**
 * Where the replications of {@code run} and {@code replay} are computed: on this machine's threads (the mailsim
 * command), or spread over a cluster (the Spark driver in sim-spark). Everything before (loading, checks) and after
 * (merging in replication order through {@link PortalExperiment.Merge}, the report) stays the command's own, so an
 * engine changes where replications run, never what they give.
 */
@FunctionalInterface
public interface ReplicationEngine {
    /** This machine's threads. */
    ReplicationEngine LOCAL = (scenario, spec, threads, first, count, inOrder, progress) ->
            new PortalExperiment(spec).replicate(threads, first, count, inOrder, progress);

    /**
     * Computes replications {@code first .. first + count - 1} and hands each one to {@code inOrder}, in index order,
     * on the calling thread. Replication {@code i} must depend only on the scenario, its seed and {@code i}.
     *
     * @param scenario the scenario as loaded (its {@link Scenario#toYaml()} reads back to the same values)
     * @param spec     the scenario bound to the model
     * @param threads  the command's --threads (or every core)
     */
    void run(Scenario scenario, PortalSpec spec, int threads, int first, int count,
            Consumer<? super PortalExperiment.Replication> inOrder, ReplicationRunner.Progress progress);
}

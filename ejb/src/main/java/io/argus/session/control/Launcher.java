package io.argus.session.control;

import io.argus.session.entity.PrometheusJob;
import io.argus.slurm.entity.JobId;
import io.argus.slurm.entity.JobStatus;
import java.util.Optional;

/** Starts, follows and stops a session's Prometheus: through SLURM, or as a local process. */
public interface Launcher {

  /**
   * Starts the job; its {@code prometheus.yml} must already be in the session's directory.
   *
   * @return the id under which the job can be followed and cancelled
   */
  JobId launch(PrometheusJob job);

  /** The job's current state, or empty once the launcher no longer knows the job at all. */
  Optional<JobStatus> status(JobId id);

  /** Asks for the job to end; it is gone only once {@link #status} says so. */
  void cancel(JobId id);
}

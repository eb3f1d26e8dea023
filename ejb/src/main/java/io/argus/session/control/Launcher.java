package io.argus.session.control;

import io.argus.session.entity.LauncherKind;
import io.argus.session.entity.PrometheusJob;
import io.argus.session.entity.SessionLayout;
import io.argus.slurm.entity.JobId;
import io.argus.slurm.entity.JobStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Starts, follows and stops a session's Prometheus: through SLURM, or as a local process. */
public interface Launcher {

  LauncherKind kind();

  /**
   * Starts the job; its {@code prometheus.yml} must already be in the session's directory.
   *
   * @return the id under which the job can be followed and cancelled
   */
  JobId launch(PrometheusJob job);

  /** The job's current state, or empty once the launcher no longer knows the job at all. */
  Optional<JobStatus> status(JobId id);

  /** Asks for the job to end; it is gone only once {@link #listed} says so. */
  void cancel(JobId id);

  /**
   * Whether the scheduler still lists the job as one that holds its resources: for SLURM, whether
   * squeue lists it at all (scancel's exit code says nothing). A local process is listed while it
   * runs.
   */
  default boolean listed(JobId id) {
    return status(id).filter(s -> !s.state().terminal()).isPresent();
  }

  /**
   * Checks that the launcher can take jobs now (the scheduler answers, the binary exists).
   *
   * @throws io.argus.platform.control.DependencyUnavailable when it cannot
   */
  void ping();

  /**
   * Returns at once unless the scheduler is known not to answer; a call that needs it asks this
   * before it changes anything. The local launcher needs no scheduler.
   *
   * @throws io.argus.platform.control.DependencyUnavailable when the scheduler is known to be down
   */
  default void requireReachable() {}

  /**
   * Takes up a job started by an earlier run of the application, so that {@link #status} and
   * {@link #cancel} know it again; the deadline is when its time limit runs out.
   */
  default void reattach(JobId id, SessionLayout layout, Optional<Instant> deadline) {}

  /** The files the job writes its output to, where failures are explained. */
  List<Path> logFiles(SessionLayout layout, JobId id);
}

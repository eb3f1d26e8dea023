package io.argus.session.control;

import io.argus.session.entity.SessionStatus;
import io.argus.slurm.entity.JobStatus;
import java.util.Optional;

/** What an ended job means for its session: the status to mark and the reason, in SLURM's words. */
public record JobOutcome(SessionStatus status, String reason) {

  /**
   * The outcome of a job in a terminal state; {@code logLine} is the last error the job wrote,
   * when there is one.
   */
  public static JobOutcome of(JobStatus job, Optional<String> logLine) {
    String facts = "job " + job.id() + " " + job.state()
        + job.reason().map(r -> ", reason " + r).orElse("")
        + job.exitCode().map(c -> ", exit code " + c).orElse("")
        + logLine.map(l -> ": " + l).orElse("");
    return switch (job.state()) {
      case TIMEOUT, DEADLINE -> new JobOutcome(SessionStatus.COMPLETED, "Time limit reached (" + facts + ")");
      case COMPLETED -> new JobOutcome(SessionStatus.COMPLETED, "Prometheus exited by itself (" + facts + ")");
      case CANCELLED -> new JobOutcome(SessionStatus.CANCELLED, "Cancelled outside Argus (" + facts + ")");
      default -> new JobOutcome(SessionStatus.FAILED, "SLURM reports " + facts);
    };
  }

  /** A job the launcher no longer knows at all (purged from SLURM's memory, or a process gone). */
  public static JobOutcome lost(String jobId) {
    return new JobOutcome(SessionStatus.FAILED, "job " + jobId + " is no longer known to the launcher");
  }
}

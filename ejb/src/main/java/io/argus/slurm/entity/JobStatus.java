package io.argus.slurm.entity;

import java.util.Optional;

/**
 * What SLURM says about one job at one moment: its state, why it is in that state, and where it
 * runs. Absent fields are those SLURM printed as empty, {@code (null)} or {@code None}.
 */
public record JobStatus(
    JobId id,
    JobState state,
    Optional<String> reason,
    Optional<String> nodeList,
    Optional<String> partition,
    Optional<String> timeLimit,
    Optional<String> exitCode) {

  public JobStatus {
    if (id == null || state == null) {
      throw new IllegalArgumentException("a job status needs an id and a state");
    }
    reason = reason == null ? Optional.empty() : reason;
    nodeList = nodeList == null ? Optional.empty() : nodeList;
    partition = partition == null ? Optional.empty() : partition;
    timeLimit = timeLimit == null ? Optional.empty() : timeLimit;
    exitCode = exitCode == null ? Optional.empty() : exitCode;
  }

  public boolean running() {
    return state == JobState.RUNNING;
  }
}

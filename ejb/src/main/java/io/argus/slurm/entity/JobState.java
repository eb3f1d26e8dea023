package io.argus.slurm.entity;

import java.util.Locale;

/** The state of a SLURM job as squeue and scontrol report it. */
public enum JobState {
  PENDING(false),
  CONFIGURING(false),
  RUNNING(false),
  COMPLETING(false),
  SUSPENDED(false),
  RESIZING(false),
  REQUEUED(false),
  REQUEUE_HOLD(false),
  REQUEUE_FED(false),
  RESV_DEL_HOLD(false),
  SIGNALING(false),
  STAGE_OUT(false),
  STOPPED(false),
  SPECIAL_EXIT(false),
  COMPLETED(true),
  CANCELLED(true),
  FAILED(true),
  TIMEOUT(true),
  NODE_FAIL(true),
  PREEMPTED(true),
  BOOT_FAIL(true),
  DEADLINE(true),
  OUT_OF_MEMORY(true),
  REVOKED(true),
  /** A state this version does not know; treated as still active so nothing is marked ended too early. */
  UNKNOWN(false);

  private final boolean terminal;

  JobState(boolean terminal) {
    this.terminal = terminal;
  }

  /** Whether the job has ended and will not run again by itself. */
  public boolean terminal() {
    return terminal;
  }

  /**
   * Reads a state as squeue {@code %T} or scontrol {@code JobState=} print it; sacct-style suffixes
   * such as {@code CANCELLED by 0} and a trailing {@code +} are ignored.
   */
  public static JobState parse(String text) {
    if (text == null || text.isBlank()) {
      return UNKNOWN;
    }
    String word = text.trim().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    if (word.endsWith("+")) {
      word = word.substring(0, word.length() - 1);
    }
    try {
      return valueOf(word);
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }
}

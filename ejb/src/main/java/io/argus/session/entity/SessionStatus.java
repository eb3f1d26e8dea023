package io.argus.session.entity;

/** Where a monitoring session is in its life; the contract's values plus CANCELLED. */
public enum SessionStatus {
  /** Created, Prometheus not started yet. */
  CREATED,
  /** Submitted, waiting for the job to run and Prometheus to answer {@code /-/ready}. */
  STARTING,
  /** The job runs and Prometheus answered {@code /-/ready}. */
  RUNNING,
  /** Stopped through the API; the job is gone. */
  STOPPED,
  /** The job could not be submitted, ended with an error, or Prometheus never became ready. */
  FAILED,
  /** The job reached its time limit (or ended by itself without an error). */
  COMPLETED,
  /** The job was cancelled outside Argus (scancel by someone else). */
  CANCELLED;

  /** Whether a job may still be running for the session. */
  public boolean active() {
    return this == STARTING || this == RUNNING;
  }
}

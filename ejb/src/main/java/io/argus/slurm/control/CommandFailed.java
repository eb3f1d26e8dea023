package io.argus.slurm.control;

/** A command that could not be started or did not finish within its timeout. */
public class CommandFailed extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CommandFailed(String message, Throwable cause) {
    super(message, cause);
  }

  public CommandFailed(String message) {
    super(message);
  }
}

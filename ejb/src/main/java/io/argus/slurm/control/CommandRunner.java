package io.argus.slurm.control;

/** Runs external programs; the seam where tests replace SLURM's command-line tools with fakes. */
public interface CommandRunner {

  /**
   * Runs the command to completion.
   *
   * @return the exit code and captured output, whatever the exit code
   * @throws CommandFailed when the program cannot be started or outlives its timeout
   */
  CommandResult run(Command command);
}

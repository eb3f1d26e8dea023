package io.argus.slurm.control;

/** How a finished command ended: its exit code and what it printed. */
public record CommandResult(int exitCode, String stdout, String stderr) {

  public CommandResult {
    stdout = stdout == null ? "" : stdout;
    stderr = stderr == null ? "" : stderr;
  }

  public boolean succeeded() {
    return exitCode == 0;
  }

  /** Both streams, for error messages; stderr first because that is where tools explain. */
  public String output() {
    String err = stderr.strip();
    String out = stdout.strip();
    return err.isEmpty() ? out : out.isEmpty() ? err : err + "\n" + out;
  }
}

package io.argus.slurm.control;

import io.argus.slurm.entity.JobId;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the job id {@code sbatch --parsable} prints: {@code 12345} or {@code 12345;cluster}. */
public final class SbatchParser {

  private static final Pattern PARSABLE = Pattern.compile("([0-9]{1,12})(?:;[A-Za-z0-9_.-]+)?");

  private SbatchParser() {}

  /**
   * The job id from the last non-blank line (site job_submit plugins may print before it), or
   * empty when the output holds no id.
   */
  public static Optional<JobId> parse(String stdout) {
    String last = null;
    for (String line : stdout.split("\\R")) {
      if (!line.isBlank()) {
        last = line.strip();
      }
    }
    if (last == null) {
      return Optional.empty();
    }
    var m = PARSABLE.matcher(last);
    return m.matches() ? Optional.of(new JobId(m.group(1))) : Optional.empty();
  }
}

package io.argus.slurm.control;

import io.argus.slurm.entity.JobId;
import io.argus.slurm.entity.JobState;
import io.argus.slurm.entity.JobStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the lines {@code squeue -h -o FORMAT} prints into job states. */
public final class SqueueParser {

  /**
   * Id, state, reason, node list, partition, time limit, time used, job name. The name comes
   * last because it is the one field a user could put a '|' into.
   */
  public static final String FORMAT = "%i|%T|%r|%N|%P|%l|%M|%j";

  private static final int FIELDS = 8;

  private SqueueParser() {}

  /**
   * Parses every line; squeue prints nothing for a job that has already left the queue.
   *
   * @throws IllegalArgumentException when a line does not have the fields of {@link #FORMAT}
   */
  public static List<JobStatus> parse(String output) {
    var jobs = new ArrayList<JobStatus>();
    for (String line : output.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.strip().split("\\|", FIELDS);
      if (f.length != FIELDS || !JobId.isValid(f[0])) {
        throw new IllegalArgumentException("unexpected squeue line: " + line);
      }
      jobs.add(
          new JobStatus(
              new JobId(f[0]),
              JobState.parse(f[1]),
              present(f[2]),
              present(f[3]),
              present(f[4]),
              present(f[5]),
              Optional.empty()));
    }
    return List.copyOf(jobs);
  }

  /** squeue and scontrol print an absent value as an empty field, {@code None} or {@code (null)}. */
  static Optional<String> present(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.strip();
    return v.isEmpty() || v.equals("None") || v.equals("(null)") || v.equals("N/A")
        ? Optional.empty()
        : Optional.of(v);
  }
}

package io.argus.slurm.control;

import io.argus.platform.control.DependencyUnavailable;
import java.time.Duration;

/**
 * slurmctld is known not to answer, so a call that needs it was refused before it changed
 * anything (503 with {@code Retry-After}).
 */
public class SlurmUnreachable extends DependencyUnavailable {

  private static final long serialVersionUID = 1L;

  public SlurmUnreachable(String detail, Duration retryAfter) {
    super("SLURM", detail, retryAfter);
  }
}

package io.argus.slurm.entity;

import java.time.Duration;
import java.util.Locale;

/** A job time limit as sbatch {@code --time} takes it: a bounded duration or no limit at all. */
public sealed interface TimeLimit {

  /** The text for {@code --time}: {@code UNLIMITED}, {@code HH:MM:SS} or {@code D-HH:MM:SS}. */
  String toSlurm();

  /** No time limit; the partition's MaxTime still applies. */
  record Unlimited() implements TimeLimit {
    @Override
    public String toSlurm() {
      return "UNLIMITED";
    }
  }

  /** A positive limit; SLURM rounds seconds up to whole minutes. */
  record Bounded(Duration duration) implements TimeLimit {

    public Bounded {
      if (duration == null || duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("a time limit must be positive");
      }
    }

    @Override
    public String toSlurm() {
      long seconds = duration.toSeconds();
      long days = seconds / 86_400;
      String clock =
          String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
      return days == 0 ? clock : days + "-" + clock;
    }
  }
}

package io.argus.slurm.control;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where SLURM's command-line tools are and which cluster they talk to. Bare names are looked up
 * on the PATH; an empty {@code slurmConf} leaves SLURM to find its configuration itself.
 */
public record SlurmSettings(
    String sbatch,
    String squeue,
    String scontrol,
    String scancel,
    Optional<Path> slurmConf,
    Duration commandTimeout) {

  /** Long enough for a controller that is down: the tools give up by themselves after about 9 s. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public SlurmSettings {
    if (sbatch == null || squeue == null || scontrol == null || scancel == null) {
      throw new IllegalArgumentException("every SLURM tool needs a path or a name");
    }
    slurmConf = slurmConf == null ? Optional.empty() : slurmConf;
    commandTimeout = commandTimeout == null ? DEFAULT_TIMEOUT : commandTimeout;
  }

  public static SlurmSettings defaults() {
    return new SlurmSettings("sbatch", "squeue", "scontrol", "scancel", Optional.empty(), DEFAULT_TIMEOUT);
  }

  public SlurmSettings withSlurmConf(Path conf) {
    return new SlurmSettings(sbatch, squeue, scontrol, scancel, Optional.of(conf), commandTimeout);
  }
}

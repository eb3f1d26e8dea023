package io.argus.slurm.control;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where SLURM's command-line tools are and which cluster they talk to. Bare names are looked up
 * on the PATH; an empty {@code slurmConf} leaves SLURM to find its configuration itself.
 * {@code pingTimeout} bounds one {@code scontrol ping}; while slurmctld is known to be down, a
 * call that needs it pings again at most every {@code recheckInterval} and is refused otherwise.
 */
public record SlurmSettings(
    String sbatch,
    String squeue,
    String scontrol,
    String scancel,
    Optional<Path> slurmConf,
    Duration commandTimeout,
    Duration pingTimeout,
    Duration recheckInterval) {

  /** Long enough for a controller that is down: the tools give up by themselves after about 9 s. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** A controller that is up answers a ping in well under a second; one that is down never does. */
  public static final Duration DEFAULT_PING_TIMEOUT = Duration.ofSeconds(3);

  public static final Duration DEFAULT_RECHECK_INTERVAL = Duration.ofSeconds(5);

  public SlurmSettings {
    if (sbatch == null || squeue == null || scontrol == null || scancel == null) {
      throw new IllegalArgumentException("every SLURM tool needs a path or a name");
    }
    slurmConf = slurmConf == null ? Optional.empty() : slurmConf;
    commandTimeout = commandTimeout == null ? DEFAULT_TIMEOUT : commandTimeout;
    pingTimeout = pingTimeout == null ? DEFAULT_PING_TIMEOUT : pingTimeout;
    recheckInterval = recheckInterval == null ? DEFAULT_RECHECK_INTERVAL : recheckInterval;
    if (commandTimeout.isNegative() || commandTimeout.isZero() || pingTimeout.isNegative() || pingTimeout.isZero()) {
      throw new IllegalArgumentException("SLURM command and ping timeouts must be positive");
    }
    if (recheckInterval.isNegative()) {
      throw new IllegalArgumentException("the interval between pings of a controller that is down cannot be negative");
    }
  }

  public static SlurmSettings defaults() {
    return new SlurmSettings("sbatch", "squeue", "scontrol", "scancel", Optional.empty(), DEFAULT_TIMEOUT, DEFAULT_PING_TIMEOUT,
        DEFAULT_RECHECK_INTERVAL);
  }

  public SlurmSettings withSlurmConf(Path conf) {
    return new SlurmSettings(sbatch, squeue, scontrol, scancel, Optional.of(conf), commandTimeout, pingTimeout, recheckInterval);
  }
}

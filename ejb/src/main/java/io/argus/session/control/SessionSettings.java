package io.argus.session.control;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code argus.session.*} configuration, resolved: where sessions and artifacts live, which
 * launcher runs Prometheus, and how long Argus waits for it.
 */
public record SessionSettings(
    String launcher,
    Path root,
    Path artifactRoot,
    String prometheusBinary,
    Optional<String> listenHost,
    Optional<String> defaultPartition,
    Duration readyTimeout,
    Duration stopTimeout,
    Duration reconcileInterval,
    Duration queryTimeout,
    int queryConcurrency,
    boolean keepData,
    Optional<Path> slurmConf,
    Optional<Path> slurmBinDir,
    Duration commandTimeout,
    Duration slurmPingTimeout,
    Duration slurmRecheckInterval) {

  public SessionSettings {
    root = root.toAbsolutePath().normalize();
    artifactRoot = artifactRoot.toAbsolutePath().normalize();
    listenHost = listenHost.filter(s -> !s.isBlank());
    defaultPartition = defaultPartition.filter(s -> !s.isBlank());
  }

  /** The working directory of one session. */
  public Path workdir(String sessionId) {
    return root.resolve(sessionId);
  }
}

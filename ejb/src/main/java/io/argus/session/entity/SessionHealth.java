package io.argus.session.entity;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the last reconciler pass found: whether the launcher can take jobs, and which running
 * sessions' Prometheus answered {@code /-/ready}.
 */
public record SessionHealth(
    LauncherKind launcher, Optional<String> launcherError, Map<String, Boolean> prometheusReady, Optional<Instant> checkedAt) {

  public static SessionHealth unknown(LauncherKind launcher) {
    return new SessionHealth(launcher, Optional.empty(), Map.of(), Optional.empty());
  }
}

package io.argus.session.entity;

import java.util.Locale;

/** How a session's Prometheus runs: as a SLURM batch job or as a child process of Argus. */
public enum LauncherKind {
  SLURM,
  LOCAL;

  /** The lower-case name used in configuration, the database and the API. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static LauncherKind of(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}

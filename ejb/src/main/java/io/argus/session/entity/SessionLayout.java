package io.argus.session.entity;

import java.nio.file.Path;

/** Where a session keeps its files: one working directory holding config, targets, data and logs. */
public record SessionLayout(String sessionId, Path workingDirectory) {

  public SessionLayout {
    if (sessionId == null || workingDirectory == null || !workingDirectory.isAbsolute()) {
      throw new IllegalArgumentException("a session layout needs an id and an absolute directory");
    }
    workingDirectory = workingDirectory.normalize();
  }

  public Path configFile() {
    return workingDirectory.resolve("prometheus.yml");
  }

  /** Holds one subdirectory of file_sd JSON files per Prometheus job. */
  public Path targetsDirectory() {
    return workingDirectory.resolve("targets");
  }

  public Path targetsDirectory(String job) {
    return targetsDirectory().resolve(job);
  }

  public Path dataDirectory() {
    return workingDirectory.resolve("data");
  }

  public Path batchScript() {
    return workingDirectory.resolve("prometheus.sbatch");
  }
}

package io.argus.gpu.entity;

import java.util.Optional;

/**
 * Versions of the GPU driver stack on this host.
 *
 * @param driver e.g. {@code 550.54.15}
 * @param library the management library, e.g. NVML {@code 12.550.54.15}
 * @param cuda the highest CUDA version the driver supports, {@code major.minor}
 */
public record DriverVersions(Optional<String> driver, Optional<String> library,
    Optional<String> cuda) {

  private static final DriverVersions UNKNOWN =
      new DriverVersions(Optional.empty(), Optional.empty(), Optional.empty());

  public static DriverVersions unknown() {
    return UNKNOWN;
  }
}

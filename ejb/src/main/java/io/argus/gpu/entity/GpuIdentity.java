package io.argus.gpu.entity;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What identifies one physical GPU on its host; stable while the driver stays loaded.
 *
 * @param index the driver's enumeration index on this host ({@code gpu_id} in the API)
 * @param uuid the globally unique id, {@code GPU-…}
 * @param pciBusId {@code DDDDDDDD:BB:DD.F} in upper-case hex, the format NVML itself prints
 * @param minorNumber N of {@code /dev/nvidiaN}
 */
public record GpuIdentity(
    int index,
    String uuid,
    Optional<String> name,
    Optional<String> serial,
    Optional<String> pciBusId,
    OptionalInt minorNumber) {

  public GpuIdentity {
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(pciBusId, "pciBusId");
    Objects.requireNonNull(minorNumber, "minorNumber");
  }

  /** The device node the GPU's processes open, e.g. {@code nvidia3}. */
  public Optional<String> device() {
    return minorNumber.isPresent()
        ? Optional.of("nvidia" + minorNumber.getAsInt())
        : Optional.empty();
  }
}

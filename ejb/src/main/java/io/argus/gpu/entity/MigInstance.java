package io.argus.gpu.entity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One MIG device carved out of a MIG-enabled GPU.
 *
 * @param slot the index NVML enumerates it under on its parent (slots may be sparse)
 * @param uuid the globally unique id, {@code MIG-…}
 * @param name the profile name, e.g. {@code NVIDIA H100 80GB HBM3 MIG 1g.10gb}
 */
public record MigInstance(
    int slot,
    String uuid,
    Optional<String> name,
    OptionalInt gpuInstanceId,
    OptionalInt computeInstanceId,
    GpuMemory memory,
    List<GpuProcess> processes) {

  public MigInstance {
    Objects.requireNonNull(uuid, "uuid");
    processes = List.copyOf(processes);
  }
}

package io.argus.gpu.entity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of reading every GPU of this host once through one backend.
 *
 * @param backend which backend produced it: {@code nvml}, {@code simulated}, …
 * @param available false when the backend has nothing to read (no driver library on this host)
 * @param gpus the readable GPUs in index order
 * @param faults GPUs the driver counts but that could not be read
 * @param xidEvents Xid errors reported since the previous read
 */
public record GpuReadout(
    Instant readAt,
    String backend,
    boolean available,
    DriverVersions versions,
    List<GpuSnapshot> gpus,
    List<GpuFault> faults,
    List<XidEvent> xidEvents) {

  public GpuReadout {
    Objects.requireNonNull(readAt, "readAt");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(versions, "versions");
    gpus = List.copyOf(gpus);
    faults = List.copyOf(faults);
    xidEvents = List.copyOf(xidEvents);
  }

  /** A readout with no GPUs, for a backend that is absent or not ready. */
  public static GpuReadout empty(Instant readAt, String backend, boolean available) {
    return new GpuReadout(readAt, backend, available, DriverVersions.unknown(), List.of(),
        List.of(), List.of());
  }

  public Optional<GpuSnapshot> gpu(String uuid) {
    return gpus.stream().filter(g -> g.uuid().equals(uuid)).findFirst();
  }

  public Optional<GpuSnapshot> gpu(int index) {
    return gpus.stream().filter(g -> g.index() == index).findFirst();
  }
}

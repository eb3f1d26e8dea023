package io.argus.gpu.control;

import io.argus.gpu.entity.GpuReadout;
import java.util.Map;
import java.util.Optional;

/** Reads the GPUs of this host through one vendor backend; the GPU API the rest of Argus uses. */
public interface GpuProbe extends AutoCloseable {

  /** A short, stable backend name for labels and logs, e.g. {@code nvml}. */
  String backend();

  /** False when the backend cannot work on this host at all (no driver library). */
  boolean available();

  /**
   * Reads every GPU once; thread-safe, serialised. Never throws for driver trouble: an absent
   * backend yields an empty readout, a failing GPU a fault entry.
   */
  GpuReadout read();

  /**
   * How often each backend error code was returned since this probe was created, by the
   * backend's own name for the code (e.g. {@code NOT_SUPPORTED}); codes never seen are absent.
   */
  Map<String, Long> errorCounts();

  /**
   * The last error the backend returned other than "not supported" (which only means a field is
   * absent on this GPU), as its code name with the time it happened; empty when there was none.
   */
  default Optional<String> lastError() {
    return Optional.empty();
  }

  /** Releases the driver; a later {@link #read()} is not allowed. */
  @Override
  void close();
}

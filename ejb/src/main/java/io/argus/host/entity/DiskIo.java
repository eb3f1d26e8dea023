package io.argus.host.entity;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Counters of one block device since boot, and per-second rates since the previous sample (absent
 * on the first sample, for a new device, and when a counter went backwards).
 */
public record DiskIo(
    String name,
    Optional<String> model,
    long sizeBytes,
    long reads,
    long writes,
    long readBytes,
    long writtenBytes,
    long transferTimeMillis,
    OptionalDouble readsPerSecond,
    OptionalDouble writesPerSecond,
    OptionalDouble readBytesPerSecond,
    OptionalDouble writtenBytesPerSecond) {

  public DiskIo withRates(OptionalDouble readsPerSecond, OptionalDouble writesPerSecond,
      OptionalDouble readBytesPerSecond, OptionalDouble writtenBytesPerSecond) {
    return new DiskIo(name, model, sizeBytes, reads, writes, readBytes, writtenBytes,
        transferTimeMillis, readsPerSecond, writesPerSecond, readBytesPerSecond,
        writtenBytesPerSecond);
  }
}

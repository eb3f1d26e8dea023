package io.argus.gpu.control.nvml;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts NVML error returns by code, for the "NVML errors by code" metric. */
final class NvmlErrorCounts {

  private final Map<Integer, LongAdder> counts = new ConcurrentHashMap<>();
  private volatile String last;

  void record(int code) {
    if (code != NvmlReturn.SUCCESS.code) {
      counts.computeIfAbsent(code, c -> new LongAdder()).increment();
      if (code != NvmlReturn.NOT_SUPPORTED.code) {
        last = NvmlReturn.nameOf(code) + " at " + Instant.now();
      }
    }
  }

  /** The last error other than NOT_SUPPORTED, with when it happened. */
  Optional<String> last() {
    return Optional.ofNullable(last);
  }

  Map<String, Long> snapshot() {
    Map<String, Long> byName = new TreeMap<>();
    counts.forEach((code, n) -> byName.put(NvmlReturn.nameOf(code), n.sum()));
    return byName;
  }
}

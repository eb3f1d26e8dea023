package io.argus.gpu.control.nvml;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts NVML error returns by code, for the "NVML errors by code" metric. */
final class NvmlErrorCounts {

  private final Map<Integer, LongAdder> counts = new ConcurrentHashMap<>();

  void record(int code) {
    if (code != NvmlReturn.SUCCESS.code) {
      counts.computeIfAbsent(code, c -> new LongAdder()).increment();
    }
  }

  Map<String, Long> snapshot() {
    Map<String, Long> byName = new TreeMap<>();
    counts.forEach((code, n) -> byName.put(NvmlReturn.nameOf(code), n.sum()));
    return byName;
  }
}

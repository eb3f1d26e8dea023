package io.argus.telemetry.control;

import io.argus.telemetry.entity.GpuInventoryEntry;
import io.argus.telemetry.entity.HostInventoryEntry;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The GPUs and hosts a writer has committed since start, as they were last committed: tells a batch
 * that brings a new or changed GPU or host (which answers about GPUs must show at once) from one that
 * only moves their last-seen times.
 */
final class RegisteredInventory {

  private static final int MAX_REMEMBERED = 100_000;

  private final Map<String, GpuInventoryEntry> gpus = new ConcurrentHashMap<>();
  private final Map<String, HostInventoryEntry> hosts = new ConcurrentHashMap<>();

  /**
   * Remembers these entries as committed; true when any of them is new to this writer or differs
   * from the one committed last under its uuid or node id.
   */
  boolean committed(Collection<GpuInventoryEntry> gpuEntries, Collection<HostInventoryEntry> hostEntries) {
    if (gpus.size() + hosts.size() >= MAX_REMEMBERED) {
      // a runaway inventory must not exhaust the heap; forgetting only makes the next batch count as news
      gpus.clear();
      hosts.clear();
    }
    boolean news = false;
    for (GpuInventoryEntry g : gpuEntries) {
      news |= !g.equals(gpus.put(g.uuid(), g));
    }
    for (HostInventoryEntry h : hostEntries) {
      news |= !h.equals(hosts.put(h.nodeId(), h));
    }
    return news;
  }
}

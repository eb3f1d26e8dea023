package io.argus.collect.control;

import io.argus.collect.entity.Snapshot;
import io.argus.collect.entity.XidCount;
import io.argus.gpu.entity.XidEvent;
import io.argus.gpu.control.GpuProbe;
import io.argus.gpu.control.ProcessAttribution;
import io.argus.gpu.entity.GpuProcess;
import io.argus.gpu.entity.GpuReadout;
import io.argus.gpu.entity.GpuSnapshot;
import io.argus.gpu.entity.MigInstance;
import io.argus.gpu.entity.ProcessOwner;
import io.argus.host.control.HostProbe;
import io.argus.host.entity.HostInfo;
import io.argus.host.entity.HostSnapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One read of the whole node (host, GPUs, owners of GPU processes) into a {@link Snapshot}, with
 * overlapping calls skipped and counted rather than queued. Not a container component, so it is
 * testable with fake probes.
 */
public final class CollectionCycle implements AutoCloseable {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final String nodeId;
  private final HostProbe host;
  private final GpuProbe gpus;
  private final ProcessAttribution attribution;
  private final Clock clock;
  private final HostInfo info;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicReference<Snapshot> latest = new AtomicReference<>();
  private final CollectorStats stats = new CollectorStats();
  private final Map<String, XidCount> xids = new java.util.concurrent.ConcurrentHashMap<>();

  public CollectionCycle(String nodeId, HostProbe host, GpuProbe gpus, ProcessAttribution attribution, Clock clock) {
    this.nodeId = nodeId;
    this.host = host;
    this.gpus = gpus;
    this.attribution = attribution;
    this.clock = clock;
    this.info = host.info();
  }

  /**
   * Reads everything once and publishes the result; returns it, or null when a cycle was already
   * running (the tick is counted as skipped).
   */
  public Snapshot run() {
    if (!running.compareAndSet(false, true)) {
      stats.tickSkipped();
      return null;
    }
    try {
      long wall = System.nanoTime();
      long cpu = cpuTime();
      HostSnapshot h = host.sample();
      GpuReadout g = gpus.read();
      Map<Long, ProcessOwner> owners = owners(g);
      for (XidEvent x : g.xidEvents()) {
        xids.merge(x.gpuUuid(), new XidCount(1, x.xid()), (old, one) -> old.plus(x.xid()));
      }
      long cpuUsed = cpu < 0 ? -1 : cpuTime() - cpu;
      long wallUsed = System.nanoTime() - wall;
      Snapshot snapshot = new Snapshot(clock.instant(), nodeId, info, h, g, owners, xids, Duration.ofNanos(wallUsed));
      latest.set(snapshot);
      stats.cycleDone(wallUsed, cpuUsed, snapshot.time());
      return snapshot;
    } catch (RuntimeException e) {
      stats.cycleFailed();
      throw e;
    } finally {
      running.set(false);
    }
  }

  private Map<Long, ProcessOwner> owners(GpuReadout readout) {
    Map<Long, ProcessOwner> owners = new HashMap<>();
    for (GpuSnapshot gpu : readout.gpus()) {
      for (GpuProcess p : gpu.processes()) {
        owners.computeIfAbsent(p.pid(), attribution::attribute);
      }
      for (MigInstance mig : gpu.migInstances()) {
        for (GpuProcess p : mig.processes()) {
          owners.computeIfAbsent(p.pid(), attribution::attribute);
        }
      }
    }
    return owners;
  }

  private static long cpuTime() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
  }

  public Snapshot latest() {
    return latest.get();
  }

  public CollectorStats.View stats() {
    return stats.view();
  }

  public HostInfo info() {
    return info;
  }

  public String nodeId() {
    return nodeId;
  }

  public GpuProbe gpuProbe() {
    return gpus;
  }

  @Override
  public void close() {
    gpus.close();
  }
}

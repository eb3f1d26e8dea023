package io.argus.collect.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.collect.entity.Snapshot;
import io.argus.gpu.control.GpuProbe;
import io.argus.gpu.control.ProcessAttribution;
import io.argus.gpu.control.SimulatedGpuProbe;
import io.argus.gpu.entity.GpuReadout;
import io.argus.host.control.HostProbe;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectionCycleTest {

  private static final HostProbe HOST = HostProbe.ofThisMachine();

  @Test
  void aCyclePublishesOneSnapshotOfHostAndGpus(@TempDir Path proc) {
    Clock clock = Clock.fixed(Instant.parse("2026-11-24T06:00:00Z"), ZoneOffset.UTC);
    try (CollectionCycle cycle = new CollectionCycle("node-7", HOST, new SimulatedGpuProbe(3), new ProcessAttribution(proc), clock)) {
      Snapshot s = cycle.run();
      assertThat(s).isSameAs(cycle.latest());
      assertThat(s.nodeId()).isEqualTo("node-7");
      assertThat(s.time()).isEqualTo(clock.instant());
      assertThat(s.gpus().gpus()).hasSize(3);
      assertThat(s.host().memory().totalBytes()).isPositive();
      assertThat(cycle.stats().cycles()).isEqualTo(1);
      assertThat(cycle.stats().lastSuccess()).contains(clock.instant());
      assertThat(cycle.stats().lastCycleCpu()).isPresent();
    }
  }

  @Test
  void aTickThatFindsTheLastCycleStillRunningIsSkippedAndCounted(@TempDir Path proc) throws Exception {
    CountDownLatch inRead = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    GpuProbe slow = new Blocking(inRead, release);
    try (CollectionCycle cycle = new CollectionCycle("n", HOST, slow, new ProcessAttribution(proc), Clock.systemUTC())) {
      CompletableFuture<Snapshot> first = CompletableFuture.supplyAsync(cycle::run);
      assertThat(inRead.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(cycle.run()).isNull();
      assertThat(cycle.run()).isNull();
      release.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS)).isNotNull();
      assertThat(cycle.stats().skipped()).isEqualTo(2);
      assertThat(cycle.stats().cycles()).isEqualTo(1);
      assertThat(cycle.run()).isNotNull(); // and the next tick runs again
    }
  }

  /** A GPU probe whose read blocks until released, so a cycle can be caught running. */
  private record Blocking(CountDownLatch inRead, CountDownLatch release) implements GpuProbe {
    @Override
    public String backend() {
      return "blocking";
    }

    @Override
    public boolean available() {
      return true;
    }

    @Override
    public GpuReadout read() {
      inRead.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return GpuReadout.empty(Instant.now(), "blocking", true);
    }

    @Override
    public Map<String, Long> errorCounts() {
      return Map.of();
    }

    @Override
    public void close() {}
  }
}

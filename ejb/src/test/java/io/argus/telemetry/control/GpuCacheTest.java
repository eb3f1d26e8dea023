package io.argus.telemetry.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.ops.control.Caches;
import io.argus.platform.control.DatabaseSettings.Vendor;
import io.argus.platform.control.InvalidParameter;
import io.argus.telemetry.entity.GpuInventoryEntry;
import io.argus.telemetry.entity.GpuSelector;
import io.argus.telemetry.entity.HostInventoryEntry;
import io.argus.telemetry.entity.KnownGpu;
import io.argus.telemetry.entity.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The GPU answers kept for a short time: expiry on a fake clock, the bound, clearing, and what is counted. */
class GpuCacheTest {

  private final AtomicLong nanos = new AtomicLong(1_000);
  private final Caches caches = new Caches();
  private final GpuCache cache = GpuCache.of(Duration.ofSeconds(2), caches, nanos::get);
  private final AtomicInteger reads = new AtomicInteger();

  private static KnownGpu gpu(String host, int index) {
    return new KnownGpu("GPU-" + host + "-" + index, index, "nvidia" + index, "NVIDIA H100 80GB HBM3", host, null, null,
        null, null, null, null, null);
  }

  private static GpuCache.ListKey firstPage(String host) {
    return new GpuCache.ListKey(Optional.of(host), Optional.empty(), 100, Optional.empty());
  }

  /** A read of the store that returns {@code n} GPUs and counts itself. */
  private Page<KnownGpu> read(int n) {
    reads.incrementAndGet();
    return new Page<>(IntStream.range(0, n).mapToObj(i -> gpu("node-a", i)).toList(), Optional.empty());
  }

  private void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  @Test
  void anAnswerIsReusedUntilItIsAsOldAsTheTimeToLive() {
    Page<KnownGpu> first = cache.list(firstPage("node-a"), () -> read(2));
    advance(Duration.ofMillis(1_999));
    assertThat(cache.list(firstPage("node-a"), () -> read(3))).isSameAs(first);
    assertThat(reads).hasValue(1);

    advance(Duration.ofMillis(1));
    assertThat(cache.list(firstPage("node-a"), () -> read(3)).items()).hasSize(3);
    assertThat(reads).hasValue(2);
    assertThat(caches.figures().get(GpuCache.LIST)).isEqualTo(new Caches.Figures(1, 2));
  }

  @Test
  void filtersLimitAndCursorEachHaveTheirOwnAnswer() {
    cache.list(firstPage("node-a"), () -> read(1));
    cache.list(firstPage("node-b"), () -> read(1));
    cache.list(new GpuCache.ListKey(Optional.of("node-a"), Optional.empty(), 1, Optional.empty()), () -> read(1));
    cache.list(new GpuCache.ListKey(Optional.of("node-a"), Optional.empty(), 100, Optional.of("g1")), () -> read(1));
    cache.list(new GpuCache.ListKey(Optional.of("node-a"), Optional.of("A100"), 100, Optional.empty()), () -> read(1));
    assertThat(reads).hasValue(5);
    cache.list(firstPage("node-b"), () -> read(1));
    assertThat(reads).hasValue(5);
  }

  @Test
  void aClearForgetsEveryAnswerAndEvenOneBeingReadAtThatMoment() {
    cache.list(firstPage("node-a"), () -> read(1));
    GpuSelector zero = new GpuSelector.ByIndex(0);
    cache.lookup(new GpuCache.LookupKey(zero, Optional.empty()), List::of);
    cache.clear();
    assertThat(cache.list(firstPage("node-a"), () -> read(2)).items()).hasSize(2);
    assertThat(cache.lookup(new GpuCache.LookupKey(zero, Optional.empty()),
        () -> List.of(new TelemetryReader.StoredGpu(7, gpu("node-a", 0))))).hasSize(1);

    // the store was read before the GPU arrived, the clear came while the answer was on its way
    cache.list(firstPage("node-c"), () -> {
      Page<KnownGpu> stale = read(0);
      cache.clear();
      return stale;
    });
    assertThat(cache.list(firstPage("node-c"), () -> read(1)).items()).hasSize(1);
  }

  @Test
  void theCachesHoldAtMostTenThousandGpusAndDropTheLeastRecentlyUsedFirst() {
    int pages = GpuCache.MAX_GPUS / 1_000;
    for (int p = 0; p < pages; p++) {
      cache.list(firstPage("node-" + p), () -> read(1_000));
    }
    cache.list(firstPage("node-0"), () -> read(1_000)); // used again: node-1 is now the eldest
    assertThat(reads).hasValue(pages);
    cache.list(firstPage("node-new"), () -> read(1_000));
    cache.list(firstPage("node-0"), () -> read(1_000));
    assertThat(reads).hasValue(pages + 1);
    cache.list(firstPage("node-1"), () -> read(1_000));
    assertThat(reads).hasValue(pages + 2);

    // arbitrary filter values that match nothing still weigh one each: the bound holds
    for (int i = 0; i < 3 * GpuCache.MAX_GPUS; i++) {
      cache.list(firstPage("nobody-" + i), () -> read(0));
    }
    cache.list(firstPage("nobody-0"), () -> read(0));
    assertThat(reads).hasValue(pages + 2 + 3 * GpuCache.MAX_GPUS + 1);
  }

  @Test
  void aFailedReadIsNotKeptAndAskingAgainReadsAgain() {
    AtomicInteger attempts = new AtomicInteger();
    GpuCache.ListKey badCursor = new GpuCache.ListKey(Optional.empty(), Optional.empty(), 100, Optional.of("nonsense"));
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> cache.list(badCursor, () -> {
        attempts.incrementAndGet();
        throw new InvalidParameter("cursor", "not a cursor of this listing");
      })).isInstanceOf(InvalidParameter.class);
    }
    assertThat(attempts).hasValue(2);
    assertThat(caches.figures().get(GpuCache.LIST)).isEqualTo(new Caches.Figures(0, 2));
  }

  @Test
  void lookupsAreCountedApartFromTheList() {
    GpuCache.LookupKey key = new GpuCache.LookupKey(new GpuSelector.ByUuid("GPU-x"), Optional.empty());
    cache.lookup(key, List::of);
    cache.lookup(key, List::of);
    cache.lookup(key, List::of);
    assertThat(caches.figures()).containsOnlyKeys(GpuCache.LIST, GpuCache.LOOKUP, GpuCache.HOST_COUNT);
    assertThat(caches.figures().get(GpuCache.LOOKUP)).isEqualTo(new Caches.Figures(2, 1));
  }

  @Test
  void aTimeToLiveOfZeroReadsEveryTimeAndCountsNothing() {
    Caches counted = new Caches();
    GpuCache off = GpuCache.of(Duration.ZERO, counted, nanos::get);
    off.list(firstPage("node-a"), () -> read(1));
    off.list(firstPage("node-a"), () -> read(1));
    off.lookup(new GpuCache.LookupKey(new GpuSelector.ByIndex(0), Optional.empty()), List::of);
    assertThat(reads).hasValue(2);
    assertThat(counted.figures()).isEmpty();
    assertThatThrownBy(() -> GpuCache.of(Duration.ofSeconds(-1), caches, nanos::get))
        .hasMessageContaining("argus.cache.gpus.ttl");
  }

  @Test
  void theHostCountIsKeptForTheTimeToLiveAndForgottenByAClear() {
    AtomicLong hosts = new AtomicLong(3);
    assertThat(cache.hostCount(() -> { reads.incrementAndGet(); return hosts.get(); })).isEqualTo(3);
    hosts.set(4);
    advance(Duration.ofMillis(1_999));
    assertThat(cache.hostCount(() -> { reads.incrementAndGet(); return hosts.get(); })).isEqualTo(3);
    assertThat(reads).hasValue(1);

    cache.clear(); // a new host was stored through this node
    assertThat(cache.hostCount(() -> { reads.incrementAndGet(); return hosts.get(); })).isEqualTo(4);
    assertThat(reads).hasValue(2);
    assertThat(caches.figures().get(GpuCache.HOST_COUNT)).isEqualTo(new Caches.Figures(1, 2));
    assertThat(GpuCache.off().hostCount(hosts::get)).isEqualTo(4);
  }

  @Test
  void theWriterClearsTheAnswersOnlyWhenAGpuOrHostIsNewOrChanged() {
    List<String> clears = new ArrayList<>();
    SampleWriter writer = new SampleWriter(null, Vendor.H2, caches, () -> clears.add("clear"));
    GpuInventoryEntry g0 = new GpuInventoryEntry("GPU-0", 0, "nvidia0", "H100", "node-a", null, null, null, null, null);
    HostInventoryEntry host = new HostInventoryEntry("node-a", "node-a", "Linux", "EPYC", 64, 128, null);

    writer.committed(List.of(g0), List.of(host));
    assertThat(clears).hasSize(1);
    writer.committed(List.of(g0), List.of(host)); // the same GPU seen again: only its last-seen time moved
    writer.committed(List.of(), List.of());
    assertThat(clears).hasSize(1);

    GpuInventoryEntry g1 = new GpuInventoryEntry("GPU-1", 1, "nvidia1", "H100", "node-a", null, null, null, null, null);
    writer.committed(List.of(g0, g1), List.of(host));
    assertThat(clears).hasSize(2);
    writer.committed(List.of(new GpuInventoryEntry("GPU-1", 1, "nvidia1", "H100", "node-b", null, null, null, null,
        null)), List.of());
    assertThat(clears).hasSize(3);
    writer.committed(List.of(), List.of(new HostInventoryEntry("node-c", "node-c", null, null, null, null, null)));
    assertThat(clears).hasSize(4);
  }
}

package io.argus.telemetry.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.ingest.control.SampleNormaliser;
import io.argus.ops.control.Caches;
import io.argus.platform.control.InvalidParameter;
import io.argus.platform.control.ResourceNotFound;
import io.argus.telemetry.entity.Aggregation;
import io.argus.telemetry.entity.GpuSelector;
import io.argus.telemetry.entity.IngestReport;
import io.argus.telemetry.entity.KnownGpu;
import io.argus.telemetry.entity.Page;
import io.argus.telemetry.entity.TelemetryPage;
import io.argus.telemetry.entity.TelemetryQuery;
import io.argus.telemetry.entity.TelemetryRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every query parameter of the telemetry store on the real PostgreSQL, over a batch ingested through
 * the CSV path: 2 hosts × 2 GPUs × 3 metrics × 120 s at 1 Hz, one GPU attributed to a pod and a
 * SLURM job. Values encode who they are: host·1000 + gpu·100 + metric·10 + (second mod 10).
 */
class TelemetryQueryIT {

  static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
  static final String[] METRICS = {"gpu_temperature_celsius", "gpu_power_watts", "DCGM_FI_DEV_SM_CLOCK"};
  static final String[] NAMES = {"gpu_temperature_celsius", "gpu_power_watts", "gpu_sm_clock_hz"};
  static StoreFixture store;
  static SampleNormaliser normaliser;

  static String uuid(int host, int gpu) {
    return "GPU-0000000" + host + "-0000-0000-0000-00000000000" + gpu;
  }

  static String csv() {
    StringBuilder csv = new StringBuilder(
        "timestamp,metric_name,gpu_id,device,uuid,modelName,Hostname,container,pod,namespace,value,labels_raw,slurm_job\n");
    for (int s = 0; s < 120; s++) {
      for (int h = 1; h <= 2; h++) {
        for (int g = 0; g <= 1; g++) {
          for (int m = 0; m < 3; m++) {
            boolean attributed = h == 2 && g == 1;
            csv.append(T0.plusSeconds(s)).append(',').append(METRICS[m]).append(',').append(g).append(",nvidia").append(g)
                .append(',').append(uuid(h, g)).append(",NVIDIA H100 80GB HBM3,node-").append(h).append(',')
                .append(attributed ? "trainer,llm-0,ml" : ",,").append(',').append(value(h, g, m, s)).append(',')
                .append("\"rank=\"\"").append(g).append("\"\"\"").append(',').append(attributed ? "4711" : "")
                .append('\n');
          }
        }
      }
    }
    return csv.toString();
  }

  /** SM clock comes in MHz (the DCGM alias) and is stored in Hz. */
  static double value(int host, int gpu, int metric, int second) {
    return host * 1000 + gpu * 100 + metric * 10 + second % 10;
  }

  @BeforeAll
  static void ingest() throws Exception {
    store = StoreFixture.postgres("query");
    normaliser = store.normaliser();
    IngestReport report = store.ingest().ingest(BatchIngest.Format.CSV, csv().getBytes(StandardCharsets.UTF_8),
        Optional.empty(), normaliser);
    assertThat(report.rejected()).as(report.errors().toString()).isZero();
    assertThat(report.stored()).isEqualTo(2 * 2 * 3 * 120);
  }

  @AfterAll
  static void drop() {
    store.close();
  }

  static TelemetryQuery query(Optional<GpuSelector> gpu, Optional<String> host, List<String> metrics, int limit,
      Optional<String> cursor, Optional<Duration> step, Aggregation agg) {
    return new TelemetryQuery(gpu, host, T0, T0.plusSeconds(120), metrics, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), limit, cursor, step, agg);
  }

  static TelemetryQuery all(Optional<GpuSelector> gpu) {
    return query(gpu, Optional.empty(), List.of(), 100_000, Optional.empty(), Optional.empty(), null);
  }

  @Test
  void oneGpuByUuidInTimeOrderWithItsIdentityAndUnitsConverted() {
    TelemetryPage page = store.reader().telemetry(all(Optional.of(new GpuSelector.ByUuid(uuid(1, 0)))));
    assertThat(page.rows()).hasSize(360);
    assertThat(page.nextCursor()).isEmpty();
    assertThat(page.rows()).isSortedAccordingTo((a, b) -> a.timestamp().compareTo(b.timestamp()));
    TelemetryRow first = page.rows().get(0);
    assertThat(first.timestamp()).isEqualTo(T0);
    assertThat(first.uuid()).isEqualTo(uuid(1, 0));
    assertThat(first.hostname()).isEqualTo("node-1");
    assertThat(first.device()).isEqualTo("nvidia0");
    assertThat(first.modelName()).isEqualTo("NVIDIA H100 80GB HBM3");
    assertThat(first.labelsJson()).contains("\"rank\"").contains("\"0\"");
    assertThat(page.rows()).filteredOn(r -> r.metricName().equals("gpu_sm_clock_hz")).first()
        .satisfies(r -> assertThat(r.value()).isEqualTo(value(1, 0, 2, 0) * 1_000_000));
  }

  @Test
  void aGpuIndexMatchesEveryHostUnlessTheHostnameNarrowsIt() {
    assertThat(store.reader().telemetry(all(Optional.of(new GpuSelector.ByIndex(1)))).rows())
        .extracting(TelemetryRow::uuid).containsOnly(uuid(1, 1), uuid(2, 1)).hasSize(720);
    assertThat(store.reader().telemetry(query(Optional.of(new GpuSelector.ByIndex(1)), Optional.of("node-2"), List.of(),
        100_000, Optional.empty(), Optional.empty(), null)).rows()).extracting(TelemetryRow::uuid).containsOnly(uuid(2, 1));
    assertThatThrownBy(() -> store.reader().telemetry(all(Optional.of(new GpuSelector.ByIndex(7)))))
        .isInstanceOf(ResourceNotFound.class).hasMessageContaining("index 7");
    assertThatThrownBy(() -> store.reader().telemetry(all(Optional.of(new GpuSelector.ByUuid("GPU-unknown")))))
        .isInstanceOf(ResourceNotFound.class);
    assertThatThrownBy(() -> store.reader().gpu(new GpuSelector.ByIndex(0), Optional.empty()))
        .isInstanceOf(InvalidParameter.class).extracting(e -> ((InvalidParameter) e).parameter().orElseThrow())
        .isEqualTo("hostname");
    assertThat(store.reader().gpu(new GpuSelector.ByIndex(0), Optional.of("node-2")).uuid()).isEqualTo(uuid(2, 0));
  }

  @Test
  void metricNamesAndAliasesFilterAndUnknownNamesAreRefused() {
    TelemetryPage page = store.reader().telemetry(query(Optional.of(new GpuSelector.ByUuid(uuid(1, 0))), Optional.empty(),
        List.of("gpu_power_watts", "DCGM_FI_DEV_GPU_TEMP"), 100_000, Optional.empty(), Optional.empty(), null));
    assertThat(page.rows()).extracting(TelemetryRow::metricName).containsOnly("gpu_power_watts", "gpu_temperature_celsius")
        .hasSize(240);
    assertThatThrownBy(() -> store.reader().telemetry(query(Optional.empty(), Optional.empty(), List.of("nope"), 10,
        Optional.empty(), Optional.empty(), null))).isInstanceOf(InvalidParameter.class)
        .extracting(e -> ((InvalidParameter) e).parameter().orElseThrow()).isEqualTo("metric_name");
  }

  @Test
  void attributionFiltersAndTheHalfOpenWindow() {
    for (var q : List.of(
        new TelemetryQuery(Optional.empty(), Optional.empty(), T0, T0.plusSeconds(120), List.of(), Optional.of("trainer"),
            Optional.empty(), Optional.empty(), Optional.empty(), 100_000, Optional.empty(), Optional.empty(), null),
        new TelemetryQuery(Optional.empty(), Optional.empty(), T0, T0.plusSeconds(120), List.of(), Optional.empty(),
            Optional.of("llm-0"), Optional.empty(), Optional.empty(), 100_000, Optional.empty(), Optional.empty(), null),
        new TelemetryQuery(Optional.empty(), Optional.empty(), T0, T0.plusSeconds(120), List.of(), Optional.empty(),
            Optional.empty(), Optional.of("ml"), Optional.empty(), 100_000, Optional.empty(), Optional.empty(), null),
        new TelemetryQuery(Optional.empty(), Optional.empty(), T0, T0.plusSeconds(120), List.of(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.of("4711"), 100_000, Optional.empty(), Optional.empty(), null))) {
      List<TelemetryRow> rows = store.reader().telemetry(q).rows();
      assertThat(rows).hasSize(360).extracting(TelemetryRow::uuid).containsOnly(uuid(2, 1));
      assertThat(rows.get(0).pod()).isEqualTo("llm-0");
      assertThat(rows.get(0).slurmJob()).isEqualTo("4711");
    }
    assertThat(store.reader().telemetry(query(Optional.empty(), Optional.of("node-1"), List.of(), 100_000,
        Optional.empty(), Optional.empty(), null)).rows()).hasSize(720).extracting(TelemetryRow::hostname)
        .containsOnly("node-1");
    TelemetryQuery tenSeconds = new TelemetryQuery(Optional.of(new GpuSelector.ByUuid(uuid(1, 0))), Optional.empty(),
        T0.plusSeconds(10), T0.plusSeconds(20), List.of("gpu_power_watts"), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), 100, Optional.empty(), Optional.empty(), null);
    assertThat(store.reader().telemetry(tenSeconds).rows()).extracting(TelemetryRow::timestamp)
        .first().isEqualTo(T0.plusSeconds(10));
    assertThat(store.reader().telemetry(tenSeconds).rows()).hasSize(10).last()
        .satisfies(r -> assertThat(r.timestamp()).isEqualTo(T0.plusSeconds(19)));
  }

  @Test
  void pagesOfTheFleetViewCoverEveryRowOnceInOrder() {
    List<TelemetryRow> all = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    int pages = 0;
    do {
      TelemetryPage page = store.reader().telemetry(query(Optional.empty(), Optional.empty(), List.of(), 97, cursor,
          Optional.empty(), null));
      all.addAll(page.rows());
      cursor = page.nextCursor();
      pages++;
    } while (cursor.isPresent());
    assertThat(all).hasSize(1440);
    assertThat(pages).isEqualTo(15);
    Set<String> keys = new HashSet<>();
    for (TelemetryRow r : all) {
      assertThat(keys.add(r.timestamp() + r.uuid() + r.metricName())).isTrue();
    }
    assertThat(all).isSortedAccordingTo((a, b) -> a.timestamp().compareTo(b.timestamp()));
    String rawCursor = store.reader().telemetry(query(Optional.empty(), Optional.empty(), List.of(), 5, Optional.empty(),
        Optional.empty(), null)).nextCursor().orElseThrow();
    assertThatThrownBy(() -> store.reader().telemetry(query(Optional.empty(), Optional.empty(), List.of(), 5,
        Optional.of(rawCursor), Optional.of(Duration.ofSeconds(60)), Aggregation.AVG)))
        .as("a rows cursor is not a downsampled query's").isInstanceOf(InvalidParameter.class);
  }

  @Test
  void downsamplingInTheDatabaseWithEveryAggregation() {
    Optional<GpuSelector> gpu = Optional.of(new GpuSelector.ByUuid(uuid(2, 1)));
    List<String> power = List.of("gpu_power_watts");
    double base = value(2, 1, 1, 0);
    for (Aggregation agg : Aggregation.values()) {
      List<TelemetryRow> rows = store.reader().telemetry(query(gpu, Optional.empty(), power, 100, Optional.empty(),
          Optional.of(Duration.ofSeconds(10)), agg)).rows();
      assertThat(rows).as(agg.label()).hasSize(12);
      assertThat(rows.get(0).timestamp()).isEqualTo(T0);
      assertThat(rows.get(1).timestamp()).isEqualTo(T0.plusSeconds(10));
      double expected = switch (agg) {
        case AVG -> base + 4.5;
        case MIN -> base;
        case MAX, LAST -> base + 9;
        case COUNT -> 10;
      };
      assertThat(rows).as(agg.label()).allSatisfy(r -> assertThat(r.value()).isEqualTo(expected));
    }
    // pages of a downsampled fleet query: 4 GPUs × 3 metrics × 2 steps of 60 s
    List<TelemetryRow> all = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      TelemetryPage page = store.reader().telemetry(query(Optional.empty(), Optional.empty(), List.of(), 5, cursor,
          Optional.of(Duration.ofSeconds(60)), Aggregation.MAX));
      all.addAll(page.rows());
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    assertThat(all).hasSize(24);
    assertThat(all.stream().map(r -> r.timestamp() + r.uuid() + r.metricName()).distinct()).hasSize(24);
  }

  @Test
  void gpuAndHostListingsFilterAndPage() {
    Page<KnownGpu> first = store.reader().gpus(Optional.empty(), Optional.empty(), 3, Optional.empty());
    assertThat(first.items()).extracting(KnownGpu::uuid).containsExactly(uuid(1, 0), uuid(1, 1), uuid(2, 0));
    Page<KnownGpu> second = store.reader().gpus(Optional.empty(), Optional.empty(), 3, first.nextCursor());
    // (other tests of the class may add GPUs on node-9, which sort after these)
    assertThat(second.items()).extracting(KnownGpu::uuid).startsWith(uuid(2, 1));
    assertThat(store.reader().gpus(Optional.of("node-2"), Optional.of("NVIDIA H100 80GB HBM3"), 10, Optional.empty())
        .items()).hasSize(2);
    assertThat(store.reader().gpus(Optional.empty(), Optional.of("A100"), 10, Optional.empty()).items()).isEmpty();
    assertThat(first.items().get(0).firstSeen()).isNotNull();
    assertThat(first.items().get(0).lastSeen()).isEqualTo(T0.plusSeconds(119));
    var hosts = store.reader().hosts(Optional.empty(), 1, Optional.empty());
    assertThat(hosts.items()).singleElement().satisfies(h -> {
      assertThat(h.hostname()).isEqualTo("node-1");
      assertThat(h.gpuCount()).isEqualTo(2);
    });
    assertThat(store.reader().hosts(Optional.empty(), 1, hosts.nextCursor()).items()).extracting(h -> h.hostname())
        .containsExactly("node-2");
  }

  /**
   * Batch ingest: per-row report, Idempotency-Key replay and conflict, JSON rows. Bad inputs tried:
   * a value that is not a number, a bad timestamp, an unknown metric, a row with no GPU or host, a
   * gpu_id that is not an integer, malformed labels_raw, a JSON row that is an array, an unknown
   * field, malformed JSON, JSON that is not an array, a CSV without its header.
   */
  @Test
  void batchIngestReportsRowsAndIsIdempotent() throws Exception {
    String body = "timestamp,metric_name,gpu_id,uuid,Hostname,value,labels_raw\n"
        + "2026-11-21T00:00:00Z,gpu_power_watts,0,GPU-feed0000-0000-0000-0000-000000000000,node-9,300,\n"
        + "2026-11-21T00:00:01Z,gpu_power_watts,0,GPU-feed0000-0000-0000-0000-000000000000,node-9,many,\n"
        + "yesterday,gpu_power_watts,0,GPU-feed0000-0000-0000-0000-000000000000,node-9,1,\n"
        + "2026-11-21T00:00:02Z,no_such_metric,0,GPU-feed0000-0000-0000-0000-000000000000,node-9,1,\n"
        + "2026-11-21T00:00:03Z,gpu_power_watts,x,,node-9,1,\n"
        + "2026-11-21T00:00:04Z,gpu_power_watts,0,GPU-feed0000-0000-0000-0000-000000000000,node-9,,\n"
        + "2026-11-21T00:00:05Z,gpu_power_watts,0,GPU-feed0000-0000-0000-0000-000000000000,node-9,2,\"a=\"\"1\"\n"
        + "2026-11-21T00:00:06Z,gpu_power_watts,0,GPU-feed0000-0000-0000-0000-000000000000,node-9,301,\n";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    BatchIngest ingest = store.ingest();
    IngestReport first = ingest.ingest(BatchIngest.Format.CSV, bytes, Optional.of("key-1"), normaliser);
    assertThat(first.received()).isEqualTo(7 + 1);
    assertThat(first.stored()).isEqualTo(2);
    assertThat(first.absent()).isEqualTo(1);
    assertThat(first.rejected()).isEqualTo(5);
    assertThat(first.errors()).extracting(IngestReport.RowFailure::row).containsExactly(2L, 3L, 4L, 5L, 7L);
    assertThat(first.errors()).extracting(IngestReport.RowFailure::field)
        .containsExactly("value", "timestamp", "metric_name", "gpu_id", "labels_raw");
    long stored = store.count("SELECT count(*) FROM sample");

    IngestReport again = ingest.ingest(BatchIngest.Format.CSV, bytes, Optional.of("key-1"), normaliser);
    assertThat(again.replayed()).isTrue();
    assertThat(again.stored()).isEqualTo(2);
    assertThat(again.errors()).isEqualTo(first.errors());
    assertThat(store.count("SELECT count(*) FROM sample")).as("nothing stored twice").isEqualTo(stored);
    assertThatThrownBy(() -> ingest.ingest(BatchIngest.Format.CSV, (body + body).getBytes(StandardCharsets.UTF_8),
        Optional.of("key-1"), normaliser)).isInstanceOf(IdempotencyKeyReused.class);

    String json = "[{\"timestamp\":\"2026-11-21T00:01:00Z\",\"metric_name\":\"gpu_power_watts\",\"gpu_id\":0,"
        + "\"uuid\":\"GPU-feed0000-0000-0000-0000-000000000000\",\"hostname\":\"node-9\",\"value\":250.5,"
        + "\"labels_raw\":{\"rank\":\"3\"},\"slurm_job\":\"99\"},"
        + "[1,2],"
        + "{\"timestamp\":\"2026-11-21T00:01:01Z\",\"metric_name\":\"gpu_power_watts\",\"colour\":\"red\",\"value\":1},"
        + "{\"timestamp\":\"2026-11-21T00:01:02Z\",\"metric_name\":\"gpu_power_watts\",\"value\":1}]";
    IngestReport fromJson = ingest.ingest(BatchIngest.Format.JSON, json.getBytes(StandardCharsets.UTF_8), Optional.empty(),
        normaliser);
    assertThat(fromJson.stored()).isEqualTo(1);
    assertThat(fromJson.errors()).extracting(IngestReport.RowFailure::row).containsExactly(2L, 3L, 4L);
    assertThat(fromJson.errors().get(1).field()).isEqualTo("colour");
    assertThat(store.count("SELECT count(*) FROM series WHERE slurm_job = '99' AND labels = '{\"rank\":\"3\"}'::jsonb"))
        .isEqualTo(1);

    for (String bad : List.of("[{\"timestamp\":", "{\"rows\":[]}", "not json", "[1] 2")) {
      assertThatThrownBy(() -> ingest.ingest(BatchIngest.Format.JSON, bad.getBytes(StandardCharsets.UTF_8),
          Optional.empty(), normaliser)).as(bad).isInstanceOf(InvalidParameter.class)
          .extracting(e -> ((InvalidParameter) e).parameter().orElseThrow()).isEqualTo("body");
    }
    assertThatThrownBy(() -> ingest.ingest(BatchIngest.Format.CSV, "".getBytes(StandardCharsets.UTF_8), Optional.empty(),
        normaliser)).isInstanceOf(InvalidParameter.class);
    assertThatThrownBy(() -> ingest.ingest(BatchIngest.Format.CSV, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8),
        Optional.empty(), normaliser)).isInstanceOf(InvalidParameter.class);
  }

  /**
   * The reader and writer sharing one GPU cache (as TelemetryStore wires them), with a time to live
   * that never ends in the test: every change must come from the writer clearing it.
   */
  @Test
  void cachedGpuAnswersShowANewGpuAsSoonAsItsBatchIsStored(@TempDir Path dir) throws Exception {
    try (StoreFixture h2 = StoreFixture.h2(dir)) {
      Caches caches = new Caches();
      GpuCache cache = GpuCache.of(Duration.ofHours(1), caches, () -> 0L);
      SampleWriter writer = new SampleWriter(h2.dataSource, h2.vendor, caches, cache::clear);
      TelemetryReader reader = new TelemetryReader(h2.dataSource, h2.vendor, cache);
      BatchIngest ingest = new BatchIngest(h2.dataSource, h2.vendor, writer);
      assertThat(ingest.ingest(BatchIngest.Format.CSV, csv().getBytes(StandardCharsets.UTF_8), Optional.empty(),
          h2.normaliser()).rejected()).isZero();

      Page<KnownGpu> listed = reader.gpus(Optional.empty(), Optional.empty(), 100, Optional.empty());
      assertThat(reader.gpus(Optional.empty(), Optional.empty(), 100, Optional.empty())).isEqualTo(listed);
      assertThat(listed.items()).hasSize(4);
      assertThat(caches.figures().get(GpuCache.LIST)).isEqualTo(new Caches.Figures(1, 1));
      assertThatThrownBy(() -> reader.gpu(new GpuSelector.ByIndex(1), Optional.empty()))
          .isInstanceOf(InvalidParameter.class);
      assertThat(reader.telemetry(query(Optional.of(new GpuSelector.ByIndex(1)), Optional.empty(), List.of(), 10,
          Optional.empty(), Optional.empty(), null)).rows()).hasSize(10);
      assertThat(caches.figures().get(GpuCache.LOOKUP)).isEqualTo(new Caches.Figures(1, 1));
      String fresh = "GPU-0000000f-0000-0000-0000-00000000000f";
      assertThatThrownBy(() -> reader.gpu(new GpuSelector.ByUuid(fresh), Optional.empty()))
          .isInstanceOf(ResourceNotFound.class);
      for (int i = 0; i < 2; i++) { // refused every time, never kept as an answer
        assertThatThrownBy(() -> reader.gpus(Optional.empty(), Optional.empty(), 100, Optional.of("not-a-cursor")))
            .isInstanceOf(InvalidParameter.class);
      }
      assertThat(caches.figures().get(GpuCache.LIST)).isEqualTo(new Caches.Figures(1, 3));

      String row = "timestamp,metric_name,gpu_id,uuid,Hostname,value,labels_raw\n"
          + T0.plusSeconds(500) + ",gpu_power_watts,0," + fresh + ",node-3,300,\n";
      assertThat(ingest.ingest(BatchIngest.Format.CSV, row.getBytes(StandardCharsets.UTF_8), Optional.empty(),
          h2.normaliser()).stored()).isEqualTo(1);
      assertThat(reader.gpus(Optional.empty(), Optional.empty(), 100, Optional.empty()).items()).extracting(KnownGpu::uuid)
          .hasSize(5).contains(fresh);
      assertThat(reader.gpu(new GpuSelector.ByUuid(fresh), Optional.empty()).hostname()).isEqualTo("node-3");

      // the same GPUs again only move their last-seen times: the answers stay
      long misses = caches.figures().get(GpuCache.LIST).misses();
      assertThat(ingest.ingest(BatchIngest.Format.CSV, row.getBytes(StandardCharsets.UTF_8), Optional.empty(),
          h2.normaliser()).stored()).isEqualTo(1);
      reader.gpus(Optional.empty(), Optional.empty(), 100, Optional.empty());
      assertThat(caches.figures().get(GpuCache.LIST).misses()).isEqualTo(misses);

      // the write path counts its series-id cache: 4 GPUs x 3 metrics x 120 s, then the new GPU's row twice
      assertThat(caches.figures().get(SeriesResolver.CACHE)).isEqualTo(new Caches.Figures(1440 - 4 + 1, 4 + 1));
    }
  }

  @Test
  void theSameQueriesOnH2(@TempDir Path dir) throws Exception {
    try (StoreFixture h2 = StoreFixture.h2(dir)) {
      IngestReport r = h2.ingest().ingest(BatchIngest.Format.CSV, csv().getBytes(StandardCharsets.UTF_8),
          Optional.of("h2-key"), h2.normaliser());
      assertThat(r.stored()).isEqualTo(1440);
      assertThat(h2.ingest().ingest(BatchIngest.Format.CSV, csv().getBytes(StandardCharsets.UTF_8), Optional.of("h2-key"),
          h2.normaliser()).replayed()).isTrue();
      TelemetryReader reader = h2.reader();
      List<TelemetryRow> all = new ArrayList<>();
      Optional<String> cursor = Optional.empty();
      do {
        TelemetryPage page = reader.telemetry(query(Optional.of(new GpuSelector.ByIndex(1)), Optional.empty(), List.of(),
            250, cursor, Optional.empty(), null));
        all.addAll(page.rows());
        cursor = page.nextCursor();
      } while (cursor.isPresent());
      assertThat(all).hasSize(720);
      for (Aggregation agg : Aggregation.values()) {
        List<TelemetryRow> rows = reader.telemetry(query(Optional.of(new GpuSelector.ByUuid(uuid(2, 1))), Optional.empty(),
            List.of("gpu_power_watts"), 5, Optional.empty(), Optional.of(Duration.ofSeconds(10)), agg)).rows();
        assertThat(rows).as(agg.label()).hasSize(5);
        assertThat(rows.get(0).value()).as(agg.label()).isEqualTo(switch (agg) {
          case AVG -> value(2, 1, 1, 0) + 4.5;
          case MIN -> value(2, 1, 1, 0);
          case MAX, LAST -> value(2, 1, 1, 0) + 9;
          case COUNT -> 10;
        });
      }
      String next = reader.telemetry(query(Optional.empty(), Optional.empty(), List.of(), 7, Optional.empty(),
          Optional.of(Duration.ofSeconds(60)), Aggregation.AVG)).nextCursor().orElseThrow();
      assertThat(reader.telemetry(query(Optional.empty(), Optional.empty(), List.of(), 100, Optional.of(next),
          Optional.of(Duration.ofSeconds(60)), Aggregation.AVG)).rows()).hasSize(24 - 7);
    }
  }
}

package io.argus.session.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.argus.ingest.control.ExpositionParser;
import io.argus.ingest.control.Fixtures;
import io.argus.ingest.control.SampleNormaliser;
import io.argus.ingest.control.SeedDictionary;
import io.argus.ingest.entity.ExpositionSample;
import io.argus.ingest.entity.ScrapeContext;
import io.argus.session.entity.RangeSeries;
import io.argus.telemetry.entity.GpuInventoryEntry;
import io.argus.telemetry.entity.SampleRow;
import io.argus.telemetry.entity.Subject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GpuSeriesImportTest {

  private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
  private static final long STEP_MS = 2000;
  private static final Instant WINDOW_END = T0.plusSeconds(60);

  private final SampleNormaliser normaliser = new SampleNormaliser(SeedDictionary.load());

  /**
   * What a session's Prometheus gives back for an exporter it scraped: each exposition sample as a
   * series with the target's labels, three points, the middle one with {@code middle} as its value.
   */
  private static List<RangeSeries> asCollected(String fixture, String job, String node, String middle) {
    List<RangeSeries> out = new ArrayList<>();
    for (ExpositionSample s : new ExpositionParser().parseStrict(Fixtures.reader(fixture))) {
      var labels = new TreeMap<>(s.labels());
      labels.put("__name__", s.name());
      labels.put("session", "bench");
      labels.put("client_id", "c1");
      labels.put("node", node);
      labels.put("job", job);
      labels.put("instance", node + ":9400");
      String v = new BigDecimal(s.value()).toPlainString();
      out.add(new RangeSeries(labels, new long[] {T0.toEpochMilli(), T0.toEpochMilli() + STEP_MS, T0.toEpochMilli() + 2 * STEP_MS},
          new String[] {v, middle == null ? v : middle, v}));
    }
    return out;
  }

  private static Map<String, List<SampleRow>> byMetric(List<SampleRow> rows) {
    return rows.stream().collect(Collectors.groupingBy(SampleRow::metric, TreeMap::new, Collectors.toList()));
  }

  @Test
  void dcgmExporterSeriesBecomeRowsOfTheirGpuInBaseUnitsWithPrometheusTimestamps() {
    List<RangeSeries> collected = asCollected(Fixtures.DCGM, "dcgm", "gpu-node-1", null);
    GpuSeriesImport.Prepared prepared = GpuSeriesImport.prepare(collected, normaliser, WINDOW_END);

    assertThat(prepared.batch().gpus()).extracting(GpuInventoryEntry::uuid, GpuInventoryEntry::index, GpuInventoryEntry::modelName,
        GpuInventoryEntry::hostname, GpuInventoryEntry::device, GpuInventoryEntry::driverVersion)
        .containsExactlyInAnyOrder(tuple("GPU-20c56d28-0da5-6d26-a36a-e7af1ce2586e", 0, "Tesla T4", "424773df46e0", "nvidia0", "460.106.00"),
            tuple("GPU-9ef1b6d0-3643-5dd7-b823-c0ec20dcf2d5", 0, "Tesla T4", "551bdf382151", "nvidia0", "470.182.03"));
    assertThat(prepared.batch().seenAt()).isEqualTo(T0.plusMillis(2 * STEP_MS));

    var rows = byMetric(prepared.batch().rows());
    assertThat(rows.get("gpu_temperature_celsius")).extracting(SampleRow::time, SampleRow::value).containsExactly(
        tuple(T0, 25.0), tuple(T0.plusMillis(STEP_MS), 25.0), tuple(T0.plusMillis(2 * STEP_MS), 25.0));
    assertThat(rows.get("gpu_power_watts")).extracting(SampleRow::value).containsOnly(8.969);
    // dcgm-exporter reports framebuffer memory in MiB; the store keeps bytes
    assertThat(rows.get("gpu_memory_free_bytes")).extracting(SampleRow::value).containsOnly(15109.0 * 1048576);
    assertThat(rows.get("gpu_memory_reserved_bytes")).extracting(r -> r.series().subject(), SampleRow::value)
        .containsOnly(tuple(new Subject.Gpu("GPU-9ef1b6d0-3643-5dd7-b823-c0ec20dcf2d5"), 15109.0 * 1048576));

    SampleRow temperature = rows.get("gpu_temperature_celsius").get(0);
    assertThat(temperature.series().subject()).isEqualTo(new Subject.Gpu("GPU-20c56d28-0da5-6d26-a36a-e7af1ce2586e"));
    // the session's target labels stay with the series; identity labels and the name do not
    assertThat(temperature.series().labels()).containsEntry("session", "bench").containsEntry("node", "gpu-node-1")
        .containsEntry("job", "dcgm").doesNotContainKeys("__name__", "UUID", "gpu", "Hostname", "modelName");

    // the same metrics as a scrape of the same exposition: the import uses the scrape's mapping
    Set<String> scraped = normaliser.normaliseScrape(new ExpositionParser().parseStrict(Fixtures.reader(Fixtures.DCGM)),
        new ScrapeContext(T0, Optional.of("gpu-node-1"))).samples().stream().map(s -> s.metric()).collect(Collectors.toSet());
    assertThat(rows.keySet()).isEqualTo(scraped);
    assertThat(prepared.seriesImported()).isEqualTo(scraped.size());
    assertThat(prepared.seriesSkipped()).isEqualTo(collected.size() - scraped.size()).isPositive();
    assertThat(prepared.batch().rows()).hasSize(3 * scraped.size());
  }

  @Test
  void nvidiaGpuExporterSeriesTakeTheirIdentityFromItsInfoSeriesAndTheTargetNode() {
    List<RangeSeries> collected = asCollected(Fixtures.NVIDIA_SMI, "nvidia", "h100-7", null);
    GpuSeriesImport.Prepared prepared = GpuSeriesImport.prepare(collected, normaliser, WINDOW_END);

    assertThat(prepared.batch().gpus()).extracting(GpuInventoryEntry::uuid, GpuInventoryEntry::index, GpuInventoryEntry::modelName,
        GpuInventoryEntry::hostname, GpuInventoryEntry::pciBusId)
        .containsExactly(tuple("GPU-00000000-0000-0000-0000-000000000000", 0, "NVIDIA H100 80GB HBM3", "h100-7", "00000000:00:09.0"));
    var rows = byMetric(prepared.batch().rows());
    // a ratio of 1 is 100 percent
    assertThat(rows.get("gpu_utilization_percent")).extracting(SampleRow::value).containsOnly(100.0);
    assertThat(rows.get("gpu_temperature_celsius")).extracting(SampleRow::value).containsOnly(59.0);
    assertThat(prepared.seriesImported()).isPositive();
  }

  @Test
  void hostSeriesUnknownNamesAndAbsentPointsAreLeftOut() {
    List<RangeSeries> collected = new ArrayList<>(asCollected(Fixtures.NODE, "node", "gpu-node-1", null));
    collected.add(new RangeSeries(Map.of("__name__", "vllm:num_requests_running", "session", "bench", "instance", "svc:8000"),
        new long[] {T0.toEpochMilli()}, new String[] {"3"}));
    List<RangeSeries> gpu = asCollected(Fixtures.DCGM, "dcgm", "gpu-node-1", "NaN");

    GpuSeriesImport.Prepared hostsOnly = GpuSeriesImport.prepare(collected, normaliser, WINDOW_END);
    assertThat(hostsOnly.batch().rows()).isEmpty();
    assertThat(hostsOnly.batch().gpus()).isEmpty();
    assertThat(hostsOnly.seriesImported()).isZero();
    assertThat(hostsOnly.seriesSkipped()).isEqualTo(collected.size());
    assertThat(hostsOnly.batch().seenAt()).isEqualTo(WINDOW_END);

    collected.addAll(gpu);
    GpuSeriesImport.Prepared mixed = GpuSeriesImport.prepare(collected, normaliser, WINDOW_END);
    // a NaN point (a gap Prometheus filled with NaN) is no row; the series' other points are
    assertThat(byMetric(mixed.batch().rows()).get("gpu_temperature_celsius")).extracting(SampleRow::time)
        .containsExactly(T0, T0.plusMillis(2 * STEP_MS));
    assertThat(mixed.batch().rows()).allSatisfy(r -> assertThat(r.series().subject()).isInstanceOf(Subject.Gpu.class));
    assertThat(mixed.seriesImported() + mixed.seriesSkipped()).isEqualTo(collected.size());
  }
}

package io.argus.ingest.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.ingest.entity.AbsentReason;
import io.argus.ingest.entity.ArgusSample;
import io.argus.ingest.entity.Attribution;
import io.argus.ingest.entity.ExpositionSample;
import io.argus.ingest.entity.GpuIdentity;
import io.argus.ingest.entity.HostIdentity;
import io.argus.ingest.entity.Normalised;
import io.argus.ingest.entity.NormalisedBatch;
import io.argus.ingest.entity.ScrapeContext;
import io.argus.ingest.entity.SourceSample;
import java.io.Reader;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleNormaliserTest {

  private static final Instant SCRAPED = Instant.parse("2026-01-31T12:00:00Z");

  private final SampleNormaliser normaliser = new SampleNormaliser(SeedDictionary.load());

  private NormalisedBatch scrape(Reader exposition, Optional<String> target) {
    List<ExpositionSample> samples = new ExpositionParser().parseStrict(exposition);
    return normaliser.normaliseScrape(samples, new ScrapeContext(SCRAPED, target));
  }

  private NormalisedBatch scrape(String exposition) {
    return scrape(new StringReader(exposition), Optional.empty());
  }

  private static ArgusSample only(NormalisedBatch batch, String metric) {
    return batch.samples().stream().filter(s -> s.metric().equals(metric)).reduce((a, b) -> {
      throw new AssertionError("more than one " + metric);
    }).orElseThrow(() -> new AssertionError("no " + metric + " in " + batch));
  }

  @Test
  void mapsTheDcgmExporterScrapeToArgusMetricsInBaseUnits() {
    NormalisedBatch batch = scrape(Fixtures.reader(Fixtures.DCGM), Optional.of("scrape-target"));

    assertThat(batch.samples()).hasSize(15);
    GpuIdentity t4 = new GpuIdentity(Optional.of("GPU-20c56d28-0da5-6d26-a36a-e7af1ce2586e"), Optional.of(0),
        Optional.of("424773df46e0"), Optional.of("nvidia0"), Optional.of("Tesla T4"), Optional.empty(),
        Optional.of("460.106.00"));
    ArgusSample clock = only(batch, "gpu_sm_clock_hz");
    assertThat(clock).isEqualTo(new ArgusSample(SCRAPED, "gpu_sm_clock_hz", 3.0e8, t4, Attribution.NONE,
        new TreeMap<>(Map.of("DCGM_FI_PROCESS_NAME", "/usr/bin/dcgm-exporter"))));
    assertThat(only(batch, "gpu_memory_clock_hz").value()).isEqualTo(4.05e8);
    assertThat(only(batch, "gpu_power_watts").value()).isEqualTo(8.969);
    assertThat(only(batch, "gpu_energy_joules_total").value()).isEqualTo(128996.013);
    assertThat(only(batch, "gpu_memory_free_bytes").value()).isEqualTo(15_842_934_784.0);
    assertThat(only(batch, "gpu_temperature_celsius").value()).isEqualTo(25.0);
    ArgusSample reserved = only(batch, "gpu_memory_reserved_bytes");
    assertThat(reserved.value()).isEqualTo(15_842_934_784.0);
    assertThat(reserved.series()).isEqualTo(new GpuIdentity(Optional.of("GPU-9ef1b6d0-3643-5dd7-b823-c0ec20dcf2d5"),
        Optional.of(0), Optional.of("551bdf382151"), Optional.of("nvidia0"), Optional.of("Tesla T4"), Optional.empty(),
        Optional.of("470.182.03")));
    assertThat(reserved.labels()).containsOnlyKeys("DCGM_FI_CUDA_DRIVER_VERSION", "DCGM_FI_DEV_BRAND",
        "DCGM_FI_DEV_MINOR_NUMBER", "DCGM_FI_DEV_NAME", "DCGM_FI_DEV_SERIAL", "DCGM_FI_DEV_VBIOS_VERSION",
        "DCGM_FI_NVML_VERSION");
    assertThat(batch.unmapped()).containsOnlyKeys("DCGM_FI_DEV_CLOCK_THROTTLE_REASONS", "DCGM_FI_DEV_COUNT",
        "DCGM_FI_DEV_FB_TOTAL", "DCGM_FI_DEV_FB_USED_PERCENT", "DCGM_FI_DEV_POWER_MGMT_LIMIT", "DCGM_FI_DEV_PSTATE",
        "DCGM_FI_DEV_SLOWDOWN_TEMP", "DCGM_FI_DEV_VGPU_LICENSE_STATUS");
    assertThat(batch.absentTotal()).isZero();
    assertThat(batch.unkeyed()).isZero();
  }

  @Test
  void completesNvidiaGpuExporterSamplesFromItsGpuInfoAndTheScrapeTarget() {
    NormalisedBatch batch = scrape(Fixtures.reader(Fixtures.NVIDIA_SMI), Optional.of("h100-node"));

    GpuIdentity h100 = new GpuIdentity(Optional.of("GPU-00000000-0000-0000-0000-000000000000"), Optional.of(0),
        Optional.of("h100-node"), Optional.empty(), Optional.of("NVIDIA H100 80GB HBM3"),
        Optional.of("00000000:00:09.0"), Optional.of("590.48.01"));
    ArgusSample utilization = only(batch, "gpu_utilization_percent");
    assertThat(utilization.value()).isEqualTo(100.0);
    assertThat(utilization.series()).isEqualTo(h100);
    assertThat(utilization.labels()).isEmpty();
    assertThat(only(batch, "gpu_memory_used_bytes").value()).isEqualTo(2.0780679168e10);
    assertThat(only(batch, "gpu_memory_total_bytes").value()).isEqualTo(8.5520809984e10);
    assertThat(only(batch, "gpu_power_watts").value()).isEqualTo(631.95);
    assertThat(only(batch, "gpu_sm_clock_hz").value()).isEqualTo(1.98e9);
    assertThat(only(batch, "gpu_temperature_celsius").value()).isEqualTo(59.0);
    assertThat(only(batch, "gpu_performance_state").value()).isZero();
    assertThat(batch.samples()).extracting(ArgusSample::series).containsOnly(h100);
    assertThat(batch.unmapped()).containsEntry("nvidia_smi_compute_app_used_memory_bytes", 3L);
  }

  @Test
  void keepsNodeExporterSeriesOnTheHostWithDeviceAsALabel() {
    NormalisedBatch batch = scrape(Fixtures.reader(Fixtures.NODE), Optional.of("node-7"));

    assertThat(batch.samples()).hasSize(33);
    assertThat(batch.samples()).extracting(ArgusSample::series).containsOnly(new HostIdentity("node-7"));
    assertThat(only(batch, "memory_virtual_total_bytes").value()).isEqualTo(3.831959552e9);
    assertThat(only(batch, "memory_swap_total_bytes").value()).isEqualTo(4.2949632e9);
    assertThat(only(batch, "cpu_load_average_1m").value()).isEqualTo(0.21);
    assertThat(batch.samples()).filteredOn(s -> s.metric().equals("disk_read_bytes_total"))
        .filteredOn(s -> s.labels().equals(Map.of("device", "sda")))
        .singleElement().extracting(ArgusSample::value).isEqualTo(5.13713216512e11);
  }

  @Test
  void readsTheLowerCaseIdentityLabelsAndAttribution() {
    NormalisedBatch batch = scrape("""
        DCGM_FI_DEV_GPU_UTIL{gpu_id="3",gpu_uuid="GPU-abc",model_name="NVIDIA A100",hostname="n1",pci_bus_id="00000000:3B:00.0",container="trainer",pod="job-0",namespace="ml",hpc_job="4242",extra="x",empty=""} 87
        """);

    assertThat(batch.samples()).singleElement().isEqualTo(new ArgusSample(SCRAPED, "gpu_utilization_percent", 87,
        new GpuIdentity(Optional.of("GPU-abc"), Optional.of(3), Optional.of("n1"), Optional.empty(),
            Optional.of("NVIDIA A100"), Optional.of("00000000:3B:00.0"), Optional.empty()),
        new Attribution(Optional.of("trainer"), Optional.of("job-0"), Optional.of("ml"), Optional.of("4242")),
        new TreeMap<>(Map.of("extra", "x"))));
  }

  @Test
  void prefersTheWorkloadsPodOverTheExportersOwnAndUsesTheSampleTimestamp() {
    NormalisedBatch batch = scrape("""
        DCGM_FI_DEV_GPU_TEMP{gpu="0",Hostname="n1",pod="dcgm-exporter-x",exported_pod="trainer-0",exported_namespace="ml",namespace="gpu-operator"} 40 1700000000123
        """);

    ArgusSample sample = batch.samples().get(0);
    assertThat(sample.timestamp()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
    assertThat(sample.attribution().pod()).contains("trainer-0");
    assertThat(sample.attribution().namespace()).contains("ml");
    assertThat(sample.labels()).containsExactly(Map.entry("namespace", "gpu-operator"), Map.entry("pod", "dcgm-exporter-x"));
  }

  @Test
  void takesTheHostFromInstanceWhenNothingElseNamesIt() {
    NormalisedBatch batch = scrape("""
        node_load1{instance="node-9:9100"} 1.5
        node_load1{instance="[fe80::1]:9100",job="x"} 2.5
        DCGM_FI_DEV_GPU_TEMP{gpu="1"} 50
        DCGM_FI_DEV_GPU_TEMP 51
        """);

    assertThat(batch.samples()).extracting(ArgusSample::series)
        .containsExactly(new HostIdentity("node-9"), new HostIdentity("fe80::1"));
    assertThat(batch.unkeyed()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0} of {1} is absent as {2}")
  @CsvSource({
      "NaN, DCGM_FI_DEV_GPU_TEMP, NAN",
      "+Inf, DCGM_FI_DEV_GPU_TEMP, INFINITE",
      "-Inf, DCGM_FI_DEV_POWER_USAGE, INFINITE",
      "2147483632, DCGM_FI_DEV_GPU_TEMP, DCGM_BLANK",
      "2147483634, DCGM_FI_DEV_SM_CLOCK, DCGM_BLANK",
      "2147483647, DCGM_FI_DEV_GPU_UTIL, DCGM_BLANK",
      "4294967295, DCGM_FI_DEV_FB_USED, NOT_AVAILABLE",
      "9223372036854775792, DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION, DCGM_BLANK",
      "9223372036854775794, DCGM_FI_DEV_PCIE_REPLAY_COUNTER, DCGM_BLANK",
      "9223372036854775807, DCGM_FI_DEV_GPU_UTIL, DCGM_BLANK",
      "18446744073709551615, DCGM_FI_DEV_XID_ERRORS, NOT_AVAILABLE",
      "140737488355328, DCGM_FI_DEV_POWER_USAGE, DCGM_BLANK",
      "140737488355330, DCGM_FI_PROF_PCIE_TX_BYTES, DCGM_BLANK",
      "1.40737488355331e14, DCGM_FI_PROF_DRAM_ACTIVE, DCGM_BLANK",
  })
  void dropsAndCountsBlankValues(String value, String metric, AbsentReason reason) {
    Normalised outcome = normaliser.normalise(
        new SourceSample(metric, new TreeMap<>(Map.of("UUID", "GPU-1")), Double.parseDouble(value.replace("Inf", "Infinity")), SCRAPED),
        Optional.empty());

    assertThat(outcome).isInstanceOfSatisfying(Normalised.Absent.class, a -> assertThat(a.reason()).isEqualTo(reason));
  }

  @ParameterizedTest(name = "{0} of {1} is stored as {2}")
  @CsvSource({
      "2147483632, DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION, 2147483.632",
      "4294967295, DCGM_FI_DEV_PCIE_REPLAY_COUNTER, 4294967295",
      "2147483631, DCGM_FI_DEV_GPU_TEMP, 2147483631",
      "140737488355344, DCGM_FI_PROF_PCIE_TX_BYTES, 140737488355344",
      "140737488355328.5, DCGM_FI_PROF_PCIE_TX_BYTES, 140737488355328.5",
      "-1, DCGM_FI_DEV_GPU_TEMP, -1",
  })
  void keepsNumbersThatOnlyLookLikeBlanks(String value, String metric, double stored) {
    Normalised outcome = normaliser.normalise(
        new SourceSample(metric, new TreeMap<>(Map.of("UUID", "GPU-1")), Double.parseDouble(value), SCRAPED), Optional.empty());

    assertThat(outcome).isInstanceOfSatisfying(Normalised.Accepted.class,
        a -> assertThat(a.sample().value()).isEqualTo(stored));
  }

  @Test
  void countsAbsentValuesOfAScrapeByReason() {
    NormalisedBatch batch = scrape("""
        DCGM_FI_DEV_GPU_TEMP{UUID="GPU-1"} NaN
        DCGM_FI_DEV_SM_CLOCK{UUID="GPU-1"} 2147483634
        DCGM_FI_DEV_FB_USED{UUID="GPU-1"} 9223372036854775794
        DCGM_FI_DEV_GPU_UTIL{UUID="GPU-1"} 12
        """);

    assertThat(batch.samples()).extracting(ArgusSample::metric).containsExactly("gpu_utilization_percent");
    assertThat(batch.absent()).containsExactly(Map.entry(AbsentReason.NAN, 1L), Map.entry(AbsentReason.DCGM_BLANK, 2L));
  }

  @Test
  void acceptsArgusOwnNames() {
    Normalised outcome = normaliser.normalise(
        new SourceSample("gpu_power_watts", new TreeMap<>(Map.of("Hostname", "n1", "gpu", "0")), 300, SCRAPED), Optional.empty());

    assertThat(outcome).isInstanceOfSatisfying(Normalised.Accepted.class,
        a -> assertThat(a.sample().value()).isEqualTo(300.0));
  }
}

package io.argus.ingest.control;

import io.argus.ingest.entity.AbsentReason;
import io.argus.ingest.entity.ArgusSample;
import io.argus.ingest.entity.Attribution;
import io.argus.ingest.entity.ExpositionSample;
import io.argus.ingest.entity.GpuIdentity;
import io.argus.ingest.entity.HostIdentity;
import io.argus.ingest.entity.MetricDictionary;
import io.argus.ingest.entity.MetricMapping;
import io.argus.ingest.entity.Normalised;
import io.argus.ingest.entity.NormalisedBatch;
import io.argus.ingest.entity.ScrapeContext;
import io.argus.ingest.entity.SeriesIdentity;
import io.argus.ingest.entity.SourceSample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns samples named the way dcgm-exporter, nvidia_gpu_exporter, node_exporter or any Prometheus
 * exporter names them into Argus samples: dictionary metric and unit, GPU or host series,
 * workload attribution, and the remaining labels.
 *
 * <p>A sample is a GPU's when its labels carry a uuid or a GPU index; only then are {@code device},
 * model name, PCI bus id and driver version read as GPU identity (node_exporter's {@code device} is a
 * disk or a network interface and stays a label). Anything else is its host's. The hostname comes
 * from {@code Hostname}/{@code hostname}, else from the scrape target, else from {@code instance}.
 */
public final class SampleNormaliser {

  /** nvidia_gpu_exporter's one-per-GPU metric whose labels name the model, index, bus and driver. */
  static final String NVIDIA_SMI_GPU_INFO = "nvidia_smi_gpu_info";

  private final MetricDictionary dictionary;

  public SampleNormaliser(MetricDictionary dictionary) {
    this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
  }

  /** Normalises a whole scrape; identity that the exporter reports once per GPU completes every sample of that GPU. */
  public NormalisedBatch normaliseScrape(List<ExpositionSample> scrape, ScrapeContext context) {
    Map<String, GpuIdentity> known = new HashMap<>();
    for (ExpositionSample sample : scrape) {
      gpuInfo(sample.name(), sample.labels(), context.hostname()).ifPresent(gpu -> known.putIfAbsent(gpu.uuid().orElseThrow(), gpu));
    }
    NormalisedBatch.Builder batch = new NormalisedBatch.Builder();
    for (ExpositionSample sample : scrape) {
      batch.add(normalise(sample.toSourceSample(context.scrapedAt()), context.hostname(), known));
    }
    return batch.build();
  }

  /** Normalises one sample; {@code hostname} is the scrape target's, used when no label names a host. */
  public Normalised normalise(SourceSample sample, Optional<String> hostname) {
    return normalise(sample, hostname, Map.of());
  }

  /**
   * Normalises one sample of a set whose GPUs {@link #gpuInfo} described: a GPU sample that names
   * only its uuid (nvidia_gpu_exporter) is completed from {@code known}, keyed by canonical uuid.
   */
  public Normalised normalise(SourceSample sample, Optional<String> targetHost, Map<String, GpuIdentity> known) {
    Optional<MetricMapping> resolved = dictionary.resolve(sample.metric());
    if (resolved.isEmpty()) {
      return new Normalised.Unmapped(sample.metric());
    }
    MetricMapping mapping = resolved.get();
    Optional<AbsentReason> absent = BlankValues.classify(sample.value(), mapping.kind());
    if (absent.isPresent()) {
      return new Normalised.Absent(mapping.metric(), absent.get());
    }
    TreeMap<String, String> labels = new TreeMap<>();
    sample.labels().forEach((name, value) -> {
      // Prometheus treats an empty label value as no label at all.
      if (!value.isEmpty() && !name.equals(LabelText.RESERVED)) {
        labels.put(name, value);
      }
    });
    Optional<String> hostname = IdentityLabels.take(labels, IdentityLabels.HOSTNAME)
        .or(() -> targetHost)
        .or(() -> Optional.ofNullable(labels.get(IdentityLabels.INSTANCE)).flatMap(IdentityLabels::instanceHost));
    Optional<SeriesIdentity> series = series(labels, hostname, known);
    if (series.isEmpty()) {
      return new Normalised.Unkeyed(mapping.metric());
    }
    Attribution attribution = new Attribution(
        IdentityLabels.take(labels, IdentityLabels.CONTAINER),
        IdentityLabels.take(labels, IdentityLabels.POD),
        IdentityLabels.take(labels, IdentityLabels.NAMESPACE),
        IdentityLabels.take(labels, IdentityLabels.SLURM_JOB));
    return new Normalised.Accepted(new ArgusSample(
        sample.timestamp(), mapping.metric(), mapping.apply(sample.value()), series.get(), attribution, labels));
  }

  private static Optional<SeriesIdentity> series(
      Map<String, String> labels, Optional<String> hostname, Map<String, GpuIdentity> known) {
    Optional<String> uuid = IdentityLabels.take(labels, IdentityLabels.UUID).map(IdentityLabels::canonicalUuid);
    Optional<Integer> index = IdentityLabels.takeIndex(labels);
    if (uuid.isEmpty() && index.isEmpty()) {
      return hostname.map(HostIdentity::new);
    }
    if (uuid.isEmpty() && hostname.isEmpty()) {
      return Optional.empty();
    }
    GpuIdentity gpu = new GpuIdentity(
        uuid,
        index,
        hostname,
        IdentityLabels.take(labels, IdentityLabels.DEVICE),
        IdentityLabels.take(labels, IdentityLabels.MODEL_NAME),
        IdentityLabels.take(labels, IdentityLabels.PCI_BUS_ID),
        IdentityLabels.take(labels, IdentityLabels.DRIVER_VERSION));
    GpuIdentity info = uuid.map(known::get).orElse(null);
    return Optional.of(info == null ? gpu : gpu.completedBy(info));
  }

  /**
   * The identity nvidia_gpu_exporter's once-per-GPU info metric gives its GPU (index, model, bus,
   * driver), when {@code metric} is that metric and names a uuid; empty for any other sample.
   */
  public static Optional<GpuIdentity> gpuInfo(String metric, Map<String, String> labels, Optional<String> hostname) {
    if (!metric.equals(NVIDIA_SMI_GPU_INFO)) {
      return Optional.empty();
    }
    Optional<String> uuid = Optional.ofNullable(labels.get("uuid")).filter(u -> !u.isBlank())
        .map(String::strip).map(IdentityLabels::canonicalUuid);
    if (uuid.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new GpuIdentity(
        uuid,
        Optional.ofNullable(labels.get("index")).flatMap(IdentityLabels::index),
        hostname,
        Optional.empty(),
        nonBlank(labels.get("name")),
        nonBlank(labels.get("pci_bus_id")),
        nonBlank(labels.get("driver_version"))));
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}

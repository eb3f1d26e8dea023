package io.argus.session.control;

import io.argus.ingest.control.SampleNormaliser;
import io.argus.ingest.control.SampleValues;
import io.argus.ingest.entity.ArgusSample;
import io.argus.ingest.entity.GpuIdentity;
import io.argus.ingest.entity.Normalised;
import io.argus.ingest.entity.SourceSample;
import io.argus.session.entity.RangeSeries;
import io.argus.telemetry.control.NormalisedRows;
import io.argus.telemetry.entity.TelemetryBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The GPU series of a collection as rows of the telemetry store. Every point goes through the same
 * normaliser as a scrape of the exporter would (dcgm-exporter and nvidia_gpu_exporter names and
 * units, GPU identity from the series' labels, nvidia_gpu_exporter's info metric completing its
 * GPUs) and keeps Prometheus's timestamp. A host's series, and one whose name the dictionary does
 * not map, are skipped.
 */
public final class GpuSeriesImport {

  /** The label a session's client targets carry with the node the client named. */
  static final String TARGET_NODE = "node";

  /** The rows to store, and how many collected series went into them or were skipped. */
  public record Prepared(TelemetryBatch batch, int seriesImported, int seriesSkipped) {}

  private GpuSeriesImport() {}

  /**
   * @param seenAt when the GPUs were last seen when no point survives (the window's end); else the
   *     newest point's time
   */
  public static Prepared prepare(List<RangeSeries> collected, SampleNormaliser normaliser, Instant seenAt) {
    Map<String, GpuIdentity> known = new HashMap<>();
    for (RangeSeries s : collected) {
      SampleNormaliser.gpuInfo(s.metric(), s.labels(), targetHost(s))
          .ifPresent(gpu -> known.putIfAbsent(gpu.uuid().orElseThrow(), gpu));
    }
    List<ArgusSample> samples = new ArrayList<>();
    List<Integer> seriesOf = new ArrayList<>();
    Instant newest = null;
    for (int i = 0; i < collected.size(); i++) {
      RangeSeries s = collected.get(i);
      SortedMap<String, String> labels = new TreeMap<>(s.labels());
      Optional<String> host = targetHost(s);
      for (int p = 0; p < s.size(); p++) {
        Double value = SampleValues.parse(s.values()[p]);
        Instant at = Instant.ofEpochMilli(s.timestamps()[p]);
        Normalised n = normaliser.normalise(new SourceSample(s.metric(), labels, value == null ? Double.NaN : value, at), host, known);
        if (n instanceof Normalised.Accepted a && a.sample().series() instanceof GpuIdentity) {
          samples.add(a.sample());
          seriesOf.add(i);
          newest = newest == null || at.isAfter(newest) ? at : newest;
        } else if (!(n instanceof Normalised.Absent)) {
          break; // unmapped, a host's or without identity: decided by name and labels, the same at every point
        }
      }
    }
    NormalisedRows.Converted rows = NormalisedRows.of(samples, newest == null ? seenAt : newest);
    Set<Integer> imported = new HashSet<>();
    for (int index : rows.rowIndexes()) {
      imported.add(seriesOf.get(index));
    }
    return new Prepared(rows.batch(), imported.size(), collected.size() - imported.size());
  }

  /** The node a client target was registered for; the normaliser prefers a Hostname label and falls back to instance. */
  private static Optional<String> targetHost(RangeSeries s) {
    return Optional.ofNullable(s.labels().get(TARGET_NODE)).filter(n -> !n.isBlank());
  }
}

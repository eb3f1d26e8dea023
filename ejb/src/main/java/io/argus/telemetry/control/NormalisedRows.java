package io.argus.telemetry.control;

import io.argus.ingest.entity.ArgusSample;
import io.argus.ingest.entity.GpuIdentity;
import io.argus.ingest.entity.HostIdentity;
import io.argus.telemetry.entity.Attribution;
import io.argus.telemetry.entity.GpuInventoryEntry;
import io.argus.telemetry.entity.HostInventoryEntry;
import io.argus.telemetry.entity.SampleRow;
import io.argus.telemetry.entity.SeriesKey;
import io.argus.telemetry.entity.Subject;
import io.argus.telemetry.entity.TelemetryBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples from outside (scrapes, batch ingest), normalised by the ingest package, as the store's
 * rows plus the GPUs and hosts their labels identify, so that those are registered before the rows
 * are written. A GPU sample needs the GPU's uuid and index.
 */
public final class NormalisedRows {

  /** A sample that cannot become a row, by its position in the input list. */
  public record Refused(int index, String field, String reason) {}

  /** The rows, their inventory, and what was refused. */
  public record Converted(TelemetryBatch batch, List<Integer> rowIndexes, List<Refused> refused) {}

  private NormalisedRows() {}

  public static Converted of(List<ArgusSample> samples, Instant seenAt) {
    List<SampleRow> rows = new ArrayList<>(samples.size());
    List<Integer> indexes = new ArrayList<>(samples.size());
    Map<String, GpuInventoryEntry> gpus = new LinkedHashMap<>();
    Map<String, HostInventoryEntry> hosts = new LinkedHashMap<>();
    List<Refused> refused = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      ArgusSample s = samples.get(i);
      Subject subject;
      if (s.series() instanceof GpuIdentity g) {
        if (g.uuid().isEmpty()) {
          refused.add(new Refused(i, "uuid", "a GPU sample needs the GPU's uuid"));
          continue;
        }
        String uuid = g.uuid().get();
        GpuInventoryEntry known = gpus.get(uuid);
        if (g.index().isEmpty() && known == null) {
          refused.add(new Refused(i, "gpu_id", "a GPU sample needs the GPU's index (gpu_id)"));
          continue;
        }
        if (known == null) {
          String host = g.hostname().orElse("unknown");
          gpus.put(uuid, new GpuInventoryEntry(uuid, g.index().get(), g.device().orElse(null),
              g.modelName().orElse(null), host, g.pciBusId().orElse(null), g.driverVersion().orElse(null), null,
              null, null));
          g.hostname().ifPresent(h -> hosts.putIfAbsent(h, host(h)));
        }
        subject = new Subject.Gpu(uuid);
      } else {
        String hostname = ((HostIdentity) s.series()).hostname();
        hosts.putIfAbsent(hostname, host(hostname));
        subject = new Subject.Host(hostname);
      }
      var a = s.attribution();
      SeriesKey key = new SeriesKey(subject, new Attribution(a.container().orElse(""), a.pod().orElse(""),
          a.namespace().orElse(""), a.slurmJob().orElse("")), s.labels());
      rows.add(new SampleRow(s.timestamp(), key, s.metric(), s.value()));
      indexes.add(i);
    }
    return new Converted(new TelemetryBatch(rows, new ArrayList<>(gpus.values()), new ArrayList<>(hosts.values()),
        seenAt), indexes, refused);
  }

  private static HostInventoryEntry host(String hostname) {
    return new HostInventoryEntry(hostname, hostname, null, null, null, null, null);
  }
}

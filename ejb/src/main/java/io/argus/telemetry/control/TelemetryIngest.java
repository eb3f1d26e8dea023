package io.argus.telemetry.control;

import io.argus.ingest.control.SampleNormaliser;
import io.argus.telemetry.entity.IngestReport;
import io.argus.telemetry.entity.TelemetryBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Batch ingest as the API offers it (see {@link BatchIngest}), and the import of a session's collected series. */
@ApplicationScoped
public class TelemetryIngest {

  @Inject
  TelemetryStore store;

  @Inject
  IngestDictionary dictionary;

  private volatile BatchIngest ingest;

  public IngestReport ingest(BatchIngest.Format format, byte[] body, Optional<String> idempotencyKey) {
    return batchIngest().ingest(format, body, idempotencyKey, dictionary.normaliser());
  }

  /** Stores imported rows once however often they are imported (see {@link BatchIngest#replace}). */
  public SampleWriter.Result replace(TelemetryBatch batch) {
    return batchIngest().replace(batch);
  }

  /** The normaliser that maps exporters' names and labels onto the dictionary's metrics, GPUs and hosts. */
  public SampleNormaliser normaliser() {
    return dictionary.normaliser();
  }

  private BatchIngest batchIngest() {
    BatchIngest i = ingest;
    if (i == null) {
      i = new BatchIngest(store.dataSource(), store.vendor(), store.writer());
      ingest = i;
    }
    return i;
  }
}

package io.argus.telemetry.control;

import io.argus.telemetry.entity.IngestReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Batch ingest as the API offers it (see {@link BatchIngest}). */
@ApplicationScoped
public class TelemetryIngest {

  @Inject
  TelemetryStore store;

  @Inject
  IngestDictionary dictionary;

  private volatile BatchIngest ingest;

  public IngestReport ingest(BatchIngest.Format format, byte[] body, Optional<String> idempotencyKey) {
    BatchIngest i = ingest;
    if (i == null) {
      i = new BatchIngest(store.dataSource(), store.vendor(), store.writer());
      ingest = i;
    }
    return i.ingest(format, body, idempotencyKey, dictionary.normaliser());
  }
}

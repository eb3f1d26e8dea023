package io.argus.telemetry.control;

import io.argus.ingest.control.SampleNormaliser;
import io.argus.ingest.entity.MetricDictionary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The normaliser for samples from outside, over the metric dictionary as the store holds it (read again each minute). */
@ApplicationScoped
public class IngestDictionary {

  private static final long RELOAD_NANOS = 60_000_000_000L;

  @Inject
  MetricCatalog catalog;

  private volatile SampleNormaliser normaliser;
  private volatile long loadedAt;

  public SampleNormaliser normaliser() {
    SampleNormaliser n = normaliser;
    if (n == null || System.nanoTime() - loadedAt > RELOAD_NANOS) {
      n = new SampleNormaliser(MetricDictionary.of(catalog.list(Optional.empty(), Optional.empty())));
      normaliser = n;
      loadedAt = System.nanoTime();
    }
    return n;
  }
}

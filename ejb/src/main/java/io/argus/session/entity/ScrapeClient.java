package io.argus.session.entity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** A registered client reduced to what Prometheus scrapes: one address per enabled exporter. */
public record ScrapeClient(String clientId, String node, Map<ExporterKind, HostPort> exporters) {

  public ScrapeClient {
    if (clientId == null || node == null || exporters == null) {
      throw new IllegalArgumentException("a client needs an id, a node and its exporters");
    }
    exporters =
        Collections.unmodifiableMap(
            exporters.isEmpty() ? new EnumMap<>(ExporterKind.class) : new EnumMap<>(exporters));
  }

  /** The address to scrape for this exporter, or empty when the client disabled it. */
  public Optional<HostPort> exporter(ExporterKind kind) {
    return Optional.ofNullable(exporters.get(kind));
  }
}

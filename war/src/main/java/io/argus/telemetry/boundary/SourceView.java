package io.argus.telemetry.boundary;

import io.argus.telemetry.entity.ScrapeSource;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A scrape source as the API shows it. */
@Schema(name = "Source", example = """
        {
          "id": 1,
          "url": "http://node-a:9400/metrics",
          "kind": "dcgm",
          "interval_seconds": 15,
          "created_at": "2026-11-24T09:00:00Z",
          "last_scrape_at": "2026-11-24T10:00:00.120Z",
          "last_success_at": "2026-11-24T10:00:00.120Z",
          "last_samples": 184
        }""", description = "A Prometheus-format endpoint Argus scrapes")
public record SourceView(
    @Schema(example = "1") long id,
    @Schema(example = "http://node-a:9400/metrics") String url,
    @Schema(enumeration = {"dcgm", "node", "nvidia_gpu_exporter", "prometheus"}) String kind,
    @Schema(description = "Scrape interval in seconds", example = "15") long intervalSeconds,
    OffsetDateTime createdAt,
    @Schema(description = "When it was last scraped") OffsetDateTime lastScrapeAt,
    @Schema(description = "When a scrape last succeeded") OffsetDateTime lastSuccessAt,
    @Schema(description = "Why the last scrape failed, if it did") String lastError,
    @Schema(description = "Samples the last successful scrape stored") Integer lastSamples) {

  static SourceView of(ScrapeSource s) {
    return new SourceView(s.id(), s.url(), s.kind().label(), s.interval().toSeconds(), s.createdAt(),
        s.lastScrapeAt(), s.lastSuccessAt(), s.lastError(), s.lastSamples());
  }
}

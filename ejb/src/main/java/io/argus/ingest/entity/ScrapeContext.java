package io.argus.ingest.entity;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the scraper knows that the exposition may not say: when it scraped, and the host it scraped
 * (used when no {@code Hostname}/{@code hostname} label names one, as with nvidia_gpu_exporter).
 */
public record ScrapeContext(Instant scrapedAt, Optional<String> hostname) {

  public ScrapeContext {
    Objects.requireNonNull(scrapedAt, "scrapedAt");
    Objects.requireNonNull(hostname, "hostname");
    hostname = hostname.filter(h -> !h.isBlank());
  }
}

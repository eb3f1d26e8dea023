package io.argus.session.boundary;

import io.argus.session.entity.ScrapeTarget;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An active target of the session's Prometheus. */
@Schema(name = "SessionTarget", example = """
        {
          "job": "dcgm",
          "instance": "node01:9400",
          "scrape_url": "http://node01:9400/metrics",
          "health": "up",
          "last_error": "",
          "last_scrape": "2026-11-24T10:00:04.981Z",
          "labels": {
            "client_id": "client-001",
            "instance": "node01:9400",
            "job": "dcgm",
            "node": "node01",
            "session": "bench-001"
          }
        }""")
public record TargetView(
    @Schema(example = "node") String job,
    @Schema(example = "node-001:9100") String instance,
    String scrapeUrl,
    @Schema(enumeration = {"up", "down", "unknown"}) String health,
    String lastError,
    Instant lastScrape,
    Map<String, String> labels) {

  static TargetView of(ScrapeTarget t) {
    return new TargetView(t.job(), t.labels().get("instance"), t.scrapeUrl(), t.health(), t.lastError(), t.lastScrape().orElse(null),
        t.labels());
  }
}

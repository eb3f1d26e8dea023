package io.argus.session.boundary;

import io.argus.session.entity.ScrapeTarget;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An active target of the session's Prometheus. */
@Schema(name = "SessionTarget")
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

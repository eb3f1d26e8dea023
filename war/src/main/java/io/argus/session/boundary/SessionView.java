package io.argus.session.boundary;

import io.argus.session.entity.MonitoringSession;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A session as the listing and {@code GET /api/v1/sessions/{id}} show it. */
@Schema(name = "Session", description = "A monitoring session and its Prometheus")
public record SessionView(
    String sessionId,
    @Schema(enumeration = {"CREATED", "STARTING", "RUNNING", "STOPPED", "FAILED", "COMPLETED", "CANCELLED"}) String status,
    @Schema(description = "Why the session failed or ended") String reason,
    String prometheusUrl,
    String workdir,
    String scrapeInterval,
    Integer retentionHours,
    int prometheusPort,
    String promHost,
    @Schema(enumeration = {"slurm", "local"}) String launcher,
    String jobId,
    String node,
    String partition,
    String timeLimit,
    Instant createdAt,
    Instant startedAt,
    Instant endedAt) {

  static SessionView of(MonitoringSession s) {
    return new SessionView(s.id(), s.status().name(), s.statusReason().orElse(null), s.prometheusUrl(), s.workdir().toString(),
        s.scrapeInterval(), s.retentionHours().orElse(null), s.prometheusPort(), s.promHost(),
        s.launcher().map(l -> l.key()).orElse(null), s.jobId().orElse(null), s.node().orElse(null), s.partition().orElse(null),
        s.timeLimit().orElse(null), s.createdAt().toInstant(), s.startedAt().map(OffsetDateTime::toInstant).orElse(null),
        s.endedAt().map(OffsetDateTime::toInstant).orElse(null));
  }
}

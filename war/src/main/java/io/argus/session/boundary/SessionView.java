package io.argus.session.boundary;

import io.argus.session.entity.MonitoringSession;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A session as the listing and {@code GET /api/v1/sessions/{id}} show it. */
@Schema(name = "Session", example = """
        {
          "session_id": "bench-001",
          "status": "RUNNING",
          "prometheus_url": "http://node01:9090",
          "workdir": "/var/lib/argus/sessions/bench-001",
          "scrape_interval": "1s",
          "retention_hours": 6,
          "prometheus_port": 9090,
          "prom_host": "localhost",
          "launcher": "slurm",
          "job_id": "4711",
          "node": "node01",
          "partition": "gpu",
          "time_limit": "04:00:00",
          "created_at": "2026-11-24T09:58:12.345Z",
          "started_at": "2026-11-24T09:58:20.102Z"
        }""", description = "A monitoring session and its Prometheus")
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

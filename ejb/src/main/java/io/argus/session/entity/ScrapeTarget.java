package io.argus.session.entity;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** An active target of a session's Prometheus as its {@code /api/v1/targets} reports it. */
public record ScrapeTarget(
    String job,
    String scrapeUrl,
    String health,
    String lastError,
    Optional<Instant> lastScrape,
    Map<String, String> labels) {}

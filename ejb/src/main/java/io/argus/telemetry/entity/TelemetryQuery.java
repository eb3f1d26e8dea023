package io.argus.telemetry.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated telemetry query: which GPUs (all when no selector), the half-open window
 * [{@code start}, {@code end}), filters (empty means any), the page, and optional downsampling.
 */
public record TelemetryQuery(
    Optional<GpuSelector> gpu,
    Optional<String> hostname,
    Instant start,
    Instant end,
    List<String> metrics,
    Optional<String> container,
    Optional<String> pod,
    Optional<String> namespace,
    Optional<String> slurmJob,
    int limit,
    Optional<String> cursor,
    Optional<Duration> step,
    Aggregation aggregation) {

  public TelemetryQuery {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    metrics = List.copyOf(metrics);
    aggregation = aggregation == null ? Aggregation.AVG : aggregation;
  }
}

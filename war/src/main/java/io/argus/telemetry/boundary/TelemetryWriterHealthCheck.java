package io.argus.telemetry.boundary;

import io.argus.telemetry.control.BufferDrain;
import io.argus.telemetry.control.SampleBuffer;
import io.argus.telemetry.control.TelemetryBuffer;
import io.argus.platform.boundary.UnavailableBeans;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The telemetry writer's backlog: samples waiting in memory and in spill files, dropped, written.
 * Not ready while the writer cannot store a backlog (the database, or the API node it pushes to, is
 * away); the backlog is kept.
 */
@Readiness
@ApplicationScoped
public class TelemetryWriterHealthCheck implements HealthCheck {

  @Inject
  TelemetryBuffer buffer;

  @Override
  public HealthCheckResponse call() {
    return UnavailableBeans.guard("telemetry-writer", false, this::check, TelemetryBuffer.class);
  }

  private HealthCheckResponse check() {
    SampleBuffer.Stats stats = buffer.stats();
    BufferDrain.Status writer = buffer.writerStatus();
    HealthCheckResponseBuilder b = HealthCheckResponse.named("telemetry-writer")
        .status(!(writer.failing() && stats.backlog() > 0))
        .withData("backlog_samples", stats.backlog())
        .withData("memory_samples", stats.memorySamples())
        .withData("spilled_samples", stats.spilledSamples())
        .withData("spill_bytes", stats.spillBytes())
        .withData("dropped_samples", stats.droppedSamples())
        .withData("written_samples", writer.written())
        .withData("refused_samples", writer.rejected())
        .withData("failed_attempts", writer.consecutiveFailures())
        .withData("target", buffer.pushUrl().map(u -> "push " + u).orElse("database"));
    if (writer.lastError() != null) {
      b.withData("last_error", writer.lastError());
    }
    return b.build();
  }
}

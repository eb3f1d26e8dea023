package io.argus.gpu.boundary;

import io.argus.collect.boundary.Collector;
import io.argus.collect.entity.Snapshot;
import io.argus.platform.boundary.UnavailableBeans;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Which GPU backend Argus reads, how many GPUs it sees, how many are lost and the backend's last
 * error. Always UP: a node without GPUs, or with a GPU that fell off the bus, is still a node Argus
 * serves; the figures say what it sees.
 */
@Readiness
@ApplicationScoped
public class GpuBackendHealthCheck implements HealthCheck {

  @Inject
  Collector collector;

  @Override
  public HealthCheckResponse call() {
    return UnavailableBeans.guard("gpu", true, this::check, Collector.class);
  }

  private HealthCheckResponse check() {
    Snapshot s = collector.latest();
    long lost = s.gpus().faults().stream().filter(f -> f.lost()).count();
    long errors = collector.gpuErrorCounts().values().stream().mapToLong(Long::longValue).sum();
    HealthCheckResponseBuilder b = HealthCheckResponse.named("gpu")
        .up()
        .withData("backend", collector.gpuBackend())
        .withData("gpus", s.gpus().gpus().size())
        .withData("unreadable_gpus", s.gpus().faults().size())
        .withData("lost_gpus", lost)
        .withData("backend_errors", errors);
    collector.gpuLastError().ifPresent(e -> b.withData("last_error", e));
    return b.build();
  }
}

package io.argus.session.boundary;

import io.argus.session.entity.LauncherKind;
import io.argus.session.entity.SessionHealth;
import io.argus.platform.boundary.UnavailableBeans;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Monitoring sessions as the reconciler last saw them: whether SLURM answers (DOWN only when
 * SLURM is the launcher; the local launcher does not need it) and each running session's
 * Prometheus readiness (reported, never DOWN by itself).
 */
@Readiness
@ApplicationScoped
public class SessionsHealthCheck implements HealthCheck {

  @Inject
  SessionReconciler reconciler;

  @Override
  public HealthCheckResponse call() {
    return UnavailableBeans.guard("sessions", false, this::check, SessionReconciler.class);
  }

  private HealthCheckResponse check() {
    SessionHealth h = reconciler.health();
    boolean slurm = h.launcher() == LauncherKind.SLURM;
    HealthCheckResponseBuilder builder = HealthCheckResponse.named("sessions")
        .status(!(slurm && h.launcherError().isPresent()))
        .withData("launcher", h.launcher().key())
        .withData("running_sessions", h.prometheusReady().size());
    if (slurm) {
      builder.withData("slurm", h.launcherError().map(e -> "unreachable: " + e).orElse(h.checkedAt().isPresent() ? "reachable" : "not checked yet"));
    } else {
      h.launcherError().ifPresent(e -> builder.withData("prometheus_binary", e));
    }
    h.prometheusReady().forEach((id, ready) -> builder.withData("prometheus." + id, ready ? "ready" : "not ready"));
    h.checkedAt().ifPresent(t -> builder.withData("checked_at", t.toString()));
    return builder.build();
  }
}

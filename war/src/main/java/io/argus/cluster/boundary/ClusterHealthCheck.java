package io.argus.cluster.boundary;

import io.argus.cluster.entity.ClusterJob;
import io.argus.platform.boundary.UnavailableBeans;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * This node's id and role, the cluster-wide jobs it leads, and who leads each job. Always UP:
 * leading nothing is normal for most nodes of a fleet, and the database's own check reports an
 * unreachable store.
 */
@Readiness
@ApplicationScoped
public class ClusterHealthCheck implements HealthCheck {

  @Inject
  Leadership leadership;

  @Override
  public HealthCheckResponse call() {
    return UnavailableBeans.guard("cluster", true, this::check, Leadership.class);
  }

  private HealthCheckResponse check() {
    Leadership.View v = leadership.view();
    HealthCheckResponseBuilder b = HealthCheckResponse.named("cluster").up()
        .withData("node_id", v.nodeId())
        .withData("role", v.role().configName())
        .withData("leads", v.leads().stream().map(ClusterJob::label).collect(Collectors.joining(",")))
        .withData("competes_for", v.competes().stream().map(ClusterJob::label).collect(Collectors.joining(",")))
        .withData("lock", v.shared() ? "postgresql advisory lock" : "local (single node)");
    for (ClusterJob job : ClusterJob.values()) {
      b.withData("leader." + job.label(), v.leaders().getOrDefault(job, ""));
    }
    v.error().ifPresent(e -> b.withData("lock_error", e));
    return b.build();
  }
}

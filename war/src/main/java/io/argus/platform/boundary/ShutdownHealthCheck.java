package io.argus.platform.boundary;

import io.argus.platform.control.GracefulShutdown;
import io.argus.platform.control.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready once SIGTERM arrived, so a load balancer sends no new work while requests drain. */
@Readiness
@ApplicationScoped
public class ShutdownHealthCheck implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("shutdown")
        .status(!GracefulShutdown.draining())
        .withData("draining", GracefulShutdown.draining())
        .withData("in_flight", RequestContext.inFlight())
        .build();
  }
}

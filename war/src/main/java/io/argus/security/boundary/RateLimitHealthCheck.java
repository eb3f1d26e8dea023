package io.argus.security.boundary;

import io.argus.platform.boundary.UnavailableBeans;
import io.argus.platform.control.Rfc3339;
import io.argus.security.control.RateLimitStore;
import io.argus.security.control.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Where the rate-limit buckets are kept and, when they are shared, whether the data grid's JCache
 * answers: each probe asks it once, so a node taken out of rotation still sees it come back. DOWN
 * while it fails (this node then counts alone, so a caller could get more than the limit across the
 * cluster); optional in {@code /monitor}, where it makes the service degraded, not unhealthy.
 */
@Readiness
@ApplicationScoped
public class RateLimitHealthCheck implements HealthCheck {

  @Inject
  RateLimitStore store;

  @Override
  public HealthCheckResponse call() {
    return UnavailableBeans.guard("rate-limits", true, this::check, RateLimitStore.class);
  }

  private HealthCheckResponse check() {
    RateLimiter limiter = store.limiter();
    var failure = limiter.probe();
    HealthCheckResponseBuilder b = HealthCheckResponse.named("rate-limits")
        .status(failure.isEmpty())
        .withData("store", limiter.shared() ? "cluster" : "local")
        .withData("data_grid", store.grid());
    if (limiter.shared()) {
      b.withData("cache", RateLimiter.CACHE);
    }
    failure.ifPresent(f -> b.withData("error", f.error()).withData("failing_since", Rfc3339.format(f.since()))
        .withData("counting", "this node only"));
    return b.build();
  }
}

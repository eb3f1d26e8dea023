package io.argus.collect.boundary;

import io.argus.collect.control.CollectorStats;
import io.argus.platform.control.Rfc3339;
import io.argus.platform.boundary.UnavailableBeans;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Fresh figures: ready while the last successful collection cycle is younger than
 * {@code argus.health.collector.stale-cycles} intervals. With collection switched off there is
 * nothing to be stale, and the check stays UP.
 */
@Readiness
@ApplicationScoped
public class CollectorHealthCheck implements HealthCheck {

  @Inject
  Collector collector;

  @Inject
  @ConfigProperty(name = "argus.health.collector.stale-cycles", defaultValue = "3")
  int staleCycles;

  @Override
  public HealthCheckResponse call() {
    return UnavailableBeans.guard("collector", false, this::check, Collector.class);
  }

  private HealthCheckResponse check() {
    CollectorStats.View stats = collector.stats();
    Duration interval = collector.interval();
    Duration limit = interval.multipliedBy(Math.max(1, staleCycles));
    Optional<Duration> age = stats.lastSuccess().map(t -> Duration.between(t, Instant.now()));
    boolean fresh = !collector.enabled() || age.map(a -> a.compareTo(limit) <= 0).orElse(false);
    HealthCheckResponseBuilder b = HealthCheckResponse.named("collector")
        .status(fresh)
        .withData("enabled", collector.enabled())
        .withData("interval_seconds", interval.toMillis() / 1000.0 + "")
        .withData("stale_after_seconds", limit.toMillis() / 1000.0 + "")
        .withData("cycles", stats.cycles())
        .withData("skipped_ticks", stats.skipped())
        .withData("failures", stats.failures());
    stats.lastSuccess().ifPresent(t -> b.withData("last_success", Rfc3339.format(t)));
    age.ifPresent(a -> b.withData("last_success_age_seconds", a.toMillis() / 1000.0 + ""));
    return b.build();
  }
}

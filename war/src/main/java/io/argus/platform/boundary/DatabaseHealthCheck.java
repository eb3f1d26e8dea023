package io.argus.platform.boundary;

import io.argus.platform.control.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the store answers: a pooled connection, validated, with its round-trip time and
 * the pool's figures.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

  @Inject
  Database database;

  @Override
  public HealthCheckResponse call() {
    return UnavailableBeans.guard("database", false, this::check, Database.class);
  }

  private HealthCheckResponse check() {
    Database.Ping ping = database.ping(Duration.ofSeconds(2));
    HealthCheckResponseBuilder builder = HealthCheckResponse.named("database")
        .status(ping.up())
        .withData("vendor", database.settings().vendor().name().toLowerCase(java.util.Locale.ROOT))
        .withData("url", database.settings().redactedUrl())
        .withData("response_time_ms", ping.elapsed().toMillis());
    database.pool().ifPresent(pool -> builder
        .withData("pool_active", pool.active())
        .withData("pool_idle", pool.idle())
        .withData("pool_max", pool.max())
        .withData("pool_waiting", pool.waiting()));
    if (ping.product() != null) {
      builder.withData("product", ping.product());
    }
    if (ping.error() != null) {
      builder.withData("error", ping.error());
    }
    return builder.build();
  }
}

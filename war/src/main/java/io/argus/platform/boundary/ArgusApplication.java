package io.argus.platform.boundary;

import io.argus.security.entity.Role;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The REST API of Argus, under {@code /api}. */
@ApplicationPath("api")
@DeclareRoles({Role.READER_NAME, Role.OPERATOR_NAME, Role.ADMIN_NAME})
@OpenAPIDefinition(
    info = @Info(
        title = "Argus",
        version = "0.1.0",
        description = "GPU and host telemetry, a GPU telemetry store with a query API, Prometheus exposition,"
            + " HPC monitoring sessions and observability of itself. Errors are RFC 9457"
            + " application/problem+json documents; every response carries X-Request-ID.",
        contact = @Contact(name = "Argus"),
        license = @License(name = "Apache-2.0")),
    tags = {
      @Tag(name = "Telemetry", description = "The GPU telemetry store: GPUs, hosts, metrics, samples"),
      @Tag(name = "Sessions", description = "HPC monitoring sessions: a Prometheus per session, started through SLURM"
          + " (or locally), its scrape targets, and collections of time windows into CSV/JSON artifacts"),
      @Tag(name = "Security", description = "API keys: created (the secret shown once), listed, rotated, revoked; admins only")
    })
public class ArgusApplication extends Application {}

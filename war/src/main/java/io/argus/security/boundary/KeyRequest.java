package io.argus.security.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/keys}. */
@Schema(name = "KeyRequest", description = "A new API key", requiredProperties = {"name", "role"})
public record KeyRequest(
    @Schema(description = "Who or what uses the key", example = "ci-ingest") String name,
    @Schema(enumeration = {"reader", "operator", "admin"}, example = "operator") String role) {}

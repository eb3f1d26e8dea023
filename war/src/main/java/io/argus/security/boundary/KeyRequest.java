package io.argus.security.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/keys}. */
@Schema(name = "KeyRequest", description = "A new API key", requiredProperties = {"name", "role"})
public record KeyRequest(
    @Schema(description = "Who or what uses the key", example = "ci-ingest")
    @NotNull(message = "is required")
    @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", message = "must be 1 to 64 letters, digits, '_', '.' or '-'") String name,
    @Schema(enumeration = {"reader", "operator", "admin"}, example = "operator")
    @NotNull(message = "is required")
    @Pattern(regexp = "reader|operator|admin", message = "must be reader, operator or admin") String role) {}

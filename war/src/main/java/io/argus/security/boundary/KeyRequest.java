package io.argus.security.boundary;

import io.argus.security.control.KeySecrets;
import io.argus.session.control.SessionValidator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/keys}. */
@Schema(name = "KeyRequest", description = "A new API key", requiredProperties = {"name", "role"})
public record KeyRequest(
    @Schema(description = "Who or what uses the key", example = "ci-ingest")
    @NotNull(message = SessionValidator.REQUIRED) @Pattern(regexp = KeySecrets.NAME_REGEX, message = KeySecrets.NAME_RULE) String name,
    @Schema(enumeration = {"reader", "operator", "admin"}, example = "operator")
    @NotNull(message = KeySecrets.ROLE_RULE) @Pattern(regexp = KeySecrets.ROLE_REGEX, message = KeySecrets.ROLE_RULE) String role) {}

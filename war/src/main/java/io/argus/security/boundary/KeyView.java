package io.argus.security.boundary;

import io.argus.platform.control.Rfc3339;
import io.argus.security.entity.ApiKey;
import io.argus.security.entity.IssuedKey;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An API key as listed: never its secret, never its hash. {@code key} is set only in the answer that creates it. */
@Schema(name = "ApiKey", example = """
        {
          "id": "3f2a9c1b7e4d",
          "name": "ci-ingest",
          "role": "operator",
          "source": "stored",
          "created_at": "2026-11-24T09:00:00.000Z",
          "created_by": "admin (key:cfg-admin)",
          "last_used_at": "2026-11-24T09:45:12.000Z"
        }""", description = "An API key; the secret (key) appears once, when the key is created or rotated")
@JsonbPropertyOrder({"id", "name", "role", "source", "created_at", "created_by", "last_used_at", "revoked_at", "key"})
public record KeyView(
    String id, String name, String role,
    @Schema(enumeration = {"configured", "stored"}) String source,
    String createdAt, String createdBy, String lastUsedAt, String revokedAt,
    @Schema(description = "The secret: shown once, store it now") String key) {

  static KeyView of(ApiKey k) {
    return new KeyView(k.id(), k.name(), k.role().key(), k.source().key(), Rfc3339.format(k.createdAt().toInstant()),
        k.createdBy().orElse(null), k.lastUsedAt().map(t -> Rfc3339.format(t.toInstant())).orElse(null),
        k.revokedAt().map(t -> Rfc3339.format(t.toInstant())).orElse(null), null);
  }

  static KeyView of(IssuedKey issued) {
    KeyView v = of(issued.key());
    return new KeyView(v.id(), v.name(), v.role(), v.source(), v.createdAt(), v.createdBy(), null, null, issued.secret());
  }
}

package io.argus.security.entity;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * An API key as Argus keeps it: never the key itself, only the SHA-256 of it. Configured keys (from
 * {@code argus.security.keys}) have ids starting with {@code cfg-} and cannot be revoked through the
 * API.
 */
public record ApiKey(
    String id, String name, Role role, String secretHash, Source source, OffsetDateTime createdAt, Optional<String> createdBy,
    Optional<OffsetDateTime> lastUsedAt, Optional<OffsetDateTime> revokedAt) {

  /** Where a key comes from. */
  public enum Source {
    CONFIGURED, STORED;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public boolean active() {
    return revokedAt.isEmpty();
  }
}

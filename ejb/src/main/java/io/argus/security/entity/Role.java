package io.argus.security.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a caller may do. Each role includes the ones below it: an operator may read, an admin may
 * operate.
 */
public enum Role {
  /** Reads telemetry, sessions, sources, metrics. */
  READER,
  /** Also creates, starts, stops and deletes sessions, registers sources and ingests telemetry. */
  OPERATOR,
  /** Also creates, rotates and revokes API keys. */
  ADMIN;

  public static final String READER_NAME = "reader";
  public static final String OPERATOR_NAME = "operator";
  public static final String ADMIN_NAME = "admin";

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role names this role holds: itself and every role below it. */
  public Set<String> grants() {
    return Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal()).map(Role::key).collect(Collectors.toUnmodifiableSet());
  }

  public static Optional<Role> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return Arrays.stream(values()).filter(r -> r.key().equals(text.strip().toLowerCase(Locale.ROOT))).findFirst();
  }
}

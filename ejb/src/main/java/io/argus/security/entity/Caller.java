package io.argus.security.entity;

import java.util.Optional;
import java.util.Set;

/**
 * Who sent a request, as far as Argus knows: the name the audit log shows, how it was established,
 * the role it holds (none for an anonymous reader that may not write), and the key that rate
 * limiting counts against.
 */
public record Caller(String name, Kind kind, Optional<Role> role, String limitKey) {

  /** How the caller was identified. */
  public enum Kind {
    /** An API key (configured or stored). */
    API_KEY,
    /** A verified JWT bearer token. */
    JWT,
    /** No credentials, but the request came from this host while no keys are configured. */
    LOCAL,
    /** No credentials, from elsewhere. */
    ANONYMOUS;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public static Caller apiKey(String keyId, String name, Role role) {
    return new Caller(name, Kind.API_KEY, Optional.of(role), "key:" + keyId);
  }

  public static Caller jwt(String subject, Role role) {
    return new Caller(subject, Kind.JWT, Optional.of(role), "jwt:" + subject);
  }

  public static Caller local(String address) {
    return new Caller("local", Kind.LOCAL, Optional.of(Role.ADMIN), "ip:" + address);
  }

  /** An anonymous caller: a reader while reads are open, nothing at all once keys exist. */
  public static Caller anonymous(String address, boolean mayRead) {
    return new Caller("anonymous", Kind.ANONYMOUS, mayRead ? Optional.of(Role.READER) : Optional.empty(), "ip:" + address);
  }

  public boolean holds(String roleName) {
    return role.map(r -> r.grants().contains(roleName)).orElse(false);
  }

  /** The role names the container is told about (empty for an anonymous caller). */
  public Set<String> groups() {
    return role.map(Role::grants).orElse(Set.of());
  }

  public boolean authenticated() {
    return kind == Kind.API_KEY || kind == Kind.JWT;
  }
}

package io.argus.security.control;

import io.argus.platform.control.Database;
import io.argus.platform.control.DependencyUnavailable;
import io.argus.platform.control.ResourceNotFound;
import io.argus.platform.control.StateConflict;
import io.argus.security.entity.ApiKey;
import io.argus.security.entity.IssuedKey;
import io.argus.security.entity.Role;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The API keys Argus accepts: those configured in {@code argus.security.keys} and those stored in
 * the {@code api_key} table. Stored keys are cached by hash and read again every
 * {@code argus.security.keys.refresh}, so that a key created or revoked on one node of a cluster
 * counts on the others within that time (on this node at once).
 */
@ApplicationScoped
public class ApiKeyStore {

  private static final Logger LOG = Logger.getLogger(ApiKeyStore.class.getName());
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
  private static final String COLUMNS = "id, name, role, secret_hash, created_at, created_by, last_used_at, revoked_at";

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Inject
  SecuritySettings settings;

  private volatile Map<String, ApiKey> storedByHash;
  private volatile long loadedAt;
  private final Map<String, OffsetDateTime> touched = new java.util.concurrent.ConcurrentHashMap<>();

  /** The active key whose secret this is, if any. */
  public Optional<ApiKey> authenticate(String presented) {
    String hash = KeySecrets.sha256(presented);
    for (ApiKey k : settings.configuredKeys()) {
      if (KeySecrets.sameHash(k.secretHash(), hash)) {
        return Optional.of(k);
      }
    }
    ApiKey k = stored().get(hash);
    if (k == null || !k.active() || !KeySecrets.sameHash(k.secretHash(), hash)) {
      return Optional.empty();
    }
    touch(k.id());
    return Optional.of(k);
  }

  /**
   * Whether any key is active: then every request but health needs credentials. When the store
   * has never been readable this answers true — it fails closed.
   */
  public boolean keysExist() {
    if (!settings.configuredKeys().isEmpty() || settings.jwt().isPresent()) {
      return true;
    }
    return stored().values().stream().anyMatch(ApiKey::active);
  }

  public List<ApiKey> list() {
    List<ApiKey> all = new ArrayList<>(settings.configuredKeys());
    all.addAll(query("SELECT " + COLUMNS + " FROM api_key ORDER BY created_at, id"));
    return all;
  }

  public ApiKey get(String id) {
    return list().stream().filter(k -> k.id().equals(id)).findFirst()
        .orElseThrow(() -> new ResourceNotFound("key_id", "No API key has id " + id));
  }

  public IssuedKey create(String name, Role role, String createdBy) {
    String[] generated = KeySecrets.generate();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    ApiKey key = new ApiKey(generated[0], name, role, KeySecrets.sha256(generated[1]), ApiKey.Source.STORED, now,
        Optional.ofNullable(createdBy), Optional.empty(), Optional.empty());
    update("INSERT INTO api_key (id, name, role, secret_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)",
        key.id(), name, role.key(), key.secretHash(), now, createdBy);
    reload();
    return new IssuedKey(key, generated[1]);
  }

  public ApiKey revoke(String id) {
    ApiKey key = get(id);
    if (key.source() == ApiKey.Source.CONFIGURED) {
      throw new StateConflict("Key " + id + " comes from argus.security.keys; remove it from the configuration instead");
    }
    if (key.active()) {
      update("UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", OffsetDateTime.now(ZoneOffset.UTC), id);
      reload();
    }
    return get(id);
  }

  /** A new secret for the same name and role; the old key stops working now. */
  public IssuedKey rotate(String id, String by) {
    ApiKey old = get(id);
    if (old.source() == ApiKey.Source.CONFIGURED) {
      throw new StateConflict("Key " + id + " comes from argus.security.keys; rotate it in the configuration");
    }
    if (!old.active()) {
      throw new StateConflict("Key " + id + " is revoked; create a new one");
    }
    IssuedKey fresh = create(old.name(), old.role(), by);
    revoke(id);
    return fresh;
  }

  private Map<String, ApiKey> stored() {
    Map<String, ApiKey> cached = storedByHash;
    if (cached == null || System.nanoTime() - loadedAt > settings.keyRefresh().toNanos()) {
      try {
        reload();
      } catch (DependencyUnavailable e) {
        if (cached == null) {
          LOG.warning("API keys cannot be read (" + e.getMessage() + "); requiring credentials until they can");
          return Map.of(KeySecrets.sha256("unreadable"), new ApiKey("unreadable", "unreadable", Role.READER,
              "-", ApiKey.Source.STORED, OffsetDateTime.now(ZoneOffset.UTC), Optional.empty(), Optional.empty(), Optional.empty()));
        }
        loadedAt = System.nanoTime(); // keep the last good set; try again after the refresh interval
      }
    }
    return storedByHash;
  }

  private synchronized void reload() {
    Map<String, ApiKey> byHash = new HashMap<>();
    for (ApiKey k : query("SELECT " + COLUMNS + " FROM api_key")) {
      byHash.put(k.secretHash(), k);
    }
    storedByHash = Map.copyOf(byHash);
    loadedAt = System.nanoTime();
  }

  private void touch(String id) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    OffsetDateTime last = touched.get(id);
    if (last != null && last.plus(TOUCH_EVERY).isAfter(now)) {
      return;
    }
    touched.put(id, now);
    try {
      update("UPDATE api_key SET last_used_at = ? WHERE id = ?", now, id);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "last_used_at of key " + id + " not recorded", e);
    }
  }

  private List<ApiKey> query(String sql) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      List<ApiKey> out = new ArrayList<>();
      while (rs.next()) {
        out.add(new ApiKey(rs.getString(1), rs.getString(2), Role.parse(rs.getString(3)).orElse(Role.READER), rs.getString(4),
            ApiKey.Source.STORED, rs.getObject(5, OffsetDateTime.class), Optional.ofNullable(rs.getString(6)),
            Optional.ofNullable(rs.getObject(7, OffsetDateTime.class)), Optional.ofNullable(rs.getObject(8, OffsetDateTime.class))));
      }
      return out;
    } catch (SQLException e) {
      throw new DependencyUnavailable("database", "The key store cannot be read: " + e.getMessage());
    }
  }

  private void update(String sql, Object... values) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null) {
          ps.setNull(i + 1, java.sql.Types.VARCHAR);
        } else {
          ps.setObject(i + 1, values[i]);
        }
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new DependencyUnavailable("database", "The key store cannot be written: " + e.getMessage());
    }
  }
}

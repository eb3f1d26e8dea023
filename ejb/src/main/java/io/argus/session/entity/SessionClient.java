package io.argus.session.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Map;

/** A client registered with a session: a node and the exporters it offers, as the client sent them. */
@Entity
@Table(name = "session_client")
public class SessionClient {

  @Id
  @SequenceGenerator(name = "session_client_seq", sequenceName = "session_client_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "session_client_seq")
  private Long id;

  @Column(name = "session_id", nullable = false, length = 64)
  private String sessionId;

  @Column(name = "client_id", nullable = false, length = 64)
  private String clientId;

  @Column(nullable = false, length = 253)
  private String node;

  @Column(nullable = false, length = 4096)
  private String exporters;

  @Column(nullable = false, length = 1024)
  private String preferences;

  @Column(name = "registered_at", nullable = false)
  private OffsetDateTime registeredAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected SessionClient() {}

  public SessionClient(String sessionId, String clientId, OffsetDateTime now) {
    this.sessionId = sessionId;
    this.clientId = clientId;
    this.registeredAt = now;
  }

  /** Replaces what was registered before under the same client id. */
  public void update(String node, Map<String, String> exporters, Map<String, Boolean> preferences, OffsetDateTime now) {
    this.node = node;
    this.exporters = JsonMaps.strings(exporters);
    this.preferences = JsonMaps.booleans(preferences);
    this.updatedAt = now;
  }

  public String sessionId() {
    return sessionId;
  }

  public String clientId() {
    return clientId;
  }

  public String node() {
    return node;
  }

  public Map<String, String> exporters() {
    return JsonMaps.readStrings(exporters);
  }

  public Map<String, Boolean> preferences() {
    return JsonMaps.readBooleans(preferences);
  }

  public OffsetDateTime registeredAt() {
    return registeredAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}

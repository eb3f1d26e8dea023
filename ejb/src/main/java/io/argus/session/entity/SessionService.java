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

/** A service endpoint registered with a session, under a client, with the user's labels. */
@Entity
@Table(name = "session_service")
public class SessionService {

  @Id
  @SequenceGenerator(name = "session_service_seq", sequenceName = "session_service_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "session_service_seq")
  private Long id;

  @Column(name = "session_id", nullable = false, length = 64)
  private String sessionId;

  @Column(name = "client_id", nullable = false, length = 64)
  private String clientId;

  @Column(nullable = false, length = 64)
  private String name;

  @Column(nullable = false, length = 1024)
  private String endpoint;

  @Column(nullable = false, length = 65536)
  private String labels;

  @Column(name = "registered_at", nullable = false)
  private OffsetDateTime registeredAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected SessionService() {}

  public SessionService(String sessionId, String clientId, String name, OffsetDateTime now) {
    this.sessionId = sessionId;
    this.clientId = clientId;
    this.name = name;
    this.registeredAt = now;
  }

  /** Replaces the endpoint and labels registered before under the same client and name. */
  public void update(String endpoint, Map<String, String> labels, OffsetDateTime now) {
    this.endpoint = endpoint;
    this.labels = JsonMaps.strings(labels);
    this.updatedAt = now;
  }

  public String sessionId() {
    return sessionId;
  }

  public String clientId() {
    return clientId;
  }

  public String name() {
    return name;
  }

  public String endpoint() {
    return endpoint;
  }

  public Map<String, String> labels() {
    return JsonMaps.readStrings(labels);
  }

  public OffsetDateTime registeredAt() {
    return registeredAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}

package io.argus.session.control;

import io.argus.platform.control.ResourceNotFound;
import io.argus.platform.control.Rfc3339;
import io.argus.platform.control.StateConflict;
import io.argus.session.entity.Collection;
import io.argus.session.entity.LauncherKind;
import io.argus.session.entity.MonitoringSession;
import io.argus.session.entity.SessionClient;
import io.argus.session.entity.SessionService;
import io.argus.session.entity.SessionStatus;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stored state of monitoring sessions. Every method is one short transaction; state changes
 * that race (two starts, a stop during a start, the reconciler) lock the session row and check the
 * state they expect.
 */
@Stateless
public class SessionRepository {

  @PersistenceContext(unitName = "argus")
  EntityManager em;

  public MonitoringSession create(MonitoringSession session) {
    if (em.find(MonitoringSession.class, session.id()) != null) {
      throw new StateConflict("A session '" + session.id() + "' exists already; choose another run_id or delete it first");
    }
    em.persist(session);
    return session;
  }

  /** @throws ResourceNotFound when no session has this id */
  public MonitoringSession find(String id) {
    MonitoringSession s = em.find(MonitoringSession.class, id);
    if (s == null) {
      throw new ResourceNotFound("session_id", "No monitoring session '" + id + "'");
    }
    return s;
  }

  /** Newest first, optionally of one status; at most {@code limit}. */
  public List<MonitoringSession> list(Optional<SessionStatus> status, int limit) {
    String where = status.isPresent() ? " WHERE s.status = :status" : "";
    var query = em.createQuery(
        "SELECT s FROM MonitoringSession s" + where + " ORDER BY s.createdAt DESC, s.id DESC", MonitoringSession.class);
    status.ifPresent(st -> query.setParameter("status", st));
    return query.setMaxResults(limit).getResultList();
  }

  public long count(Optional<SessionStatus> status) {
    String where = status.isPresent() ? " WHERE s.status = :status" : "";
    var query = em.createQuery("SELECT COUNT(s) FROM MonitoringSession s" + where, Long.class);
    status.ifPresent(st -> query.setParameter("status", st));
    return query.getSingleResult();
  }

  /** Sessions whose job may be running: the reconciler's work list. */
  public List<MonitoringSession> active() {
    return em.createQuery("SELECT s FROM MonitoringSession s WHERE s.status IN :states ORDER BY s.id", MonitoringSession.class)
        .setParameter("states", EnumSet.of(SessionStatus.STARTING, SessionStatus.RUNNING))
        .getResultList();
  }

  /**
   * Moves a session to STARTING unless it is starting or running already, or another active
   * session holds its Prometheus port on the same host.
   *
   * @throws StateConflict with the current state
   */
  public MonitoringSession beginStart(String id, LauncherKind launcher, Optional<String> partition, String timeLimit) {
    MonitoringSession s = em.find(MonitoringSession.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (s == null) {
      throw new ResourceNotFound("session_id", "No monitoring session '" + id + "'");
    }
    if (s.status().active()) {
      throw new StateConflict("Session '" + id + "' is " + s.status() + " already"
          + s.jobId().map(j -> " (job " + j + ", " + s.prometheusUrl() + ")").orElse("") + "; stop it first");
    }
    List<String> holders = em.createQuery(
            "SELECT s.id FROM MonitoringSession s WHERE s.status IN :states AND s.prometheusPort = :port"
                + " AND s.promHost = :host AND s.id <> :id", String.class)
        .setParameter("states", EnumSet.of(SessionStatus.STARTING, SessionStatus.RUNNING))
        .setParameter("port", s.prometheusPort())
        .setParameter("host", s.promHost())
        .setParameter("id", id)
        .getResultList();
    if (!holders.isEmpty()) {
      throw new StateConflict("Port " + s.prometheusPort() + " on " + s.promHost() + " is taken by running session '"
          + holders.get(0) + "'; create this session with another prometheus_port");
    }
    s.starting(launcher, partition, timeLimit, Rfc3339.nowUtc());
    return s;
  }

  public MonitoringSession submitted(String id, String jobId) {
    MonitoringSession s = locked(id);
    s.submitted(jobId, Rfc3339.nowUtc());
    return s;
  }

  /** STARTING → RUNNING; false when something else (a stop) changed the state meanwhile. */
  public boolean running(String id, String node, String url) {
    MonitoringSession s = locked(id);
    if (s.status() != SessionStatus.STARTING && s.status() != SessionStatus.RUNNING) {
      return false;
    }
    s.running(node, url, Rfc3339.nowUtc());
    return true;
  }

  /** Ends the session if it is still in one of the expected states; false otherwise. */
  public boolean end(String id, Set<SessionStatus> expected, SessionStatus to, String reason) {
    MonitoringSession s = em.find(MonitoringSession.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (s == null || !expected.contains(s.status())) {
      return false;
    }
    s.ended(to, reason, Rfc3339.nowUtc());
    return true;
  }

  public void delete(String id) {
    MonitoringSession s = find(id);
    // the foreign keys cascade on the database; these keep the persistence context in step
    em.createQuery("DELETE FROM SessionClient c WHERE c.sessionId = :id").setParameter("id", id).executeUpdate();
    em.createQuery("DELETE FROM SessionService v WHERE v.sessionId = :id").setParameter("id", id).executeUpdate();
    for (Collection c : collections(id)) {
      em.remove(c);
    }
    em.remove(s);
  }

  /** Registers or replaces a client of a session. */
  public SessionClient upsertClient(
      String sessionId, String clientId, String node, Map<String, String> exporters, Map<String, Boolean> preferences) {
    find(sessionId);
    SessionClient c = client(sessionId, clientId).orElse(null);
    if (c == null) {
      c = new SessionClient(sessionId, clientId, Rfc3339.nowUtc());
      c.update(node, exporters, preferences, Rfc3339.nowUtc());
      em.persist(c);
    } else {
      c.update(node, exporters, preferences, Rfc3339.nowUtc());
    }
    return c;
  }

  public Optional<SessionClient> client(String sessionId, String clientId) {
    return em.createQuery("SELECT c FROM SessionClient c WHERE c.sessionId = :s AND c.clientId = :c", SessionClient.class)
        .setParameter("s", sessionId)
        .setParameter("c", clientId)
        .getResultStream()
        .findFirst();
  }

  public List<SessionClient> clients(String sessionId) {
    return em.createQuery("SELECT c FROM SessionClient c WHERE c.sessionId = :s ORDER BY c.clientId", SessionClient.class)
        .setParameter("s", sessionId)
        .getResultList();
  }

  /** Removes a client and the services registered under it; returns those services. */
  public List<SessionService> removeClient(String sessionId, String clientId) {
    SessionClient c = client(sessionId, clientId).orElseThrow(() ->
        new ResourceNotFound("client_id", "Session '" + sessionId + "' has no client '" + clientId + "'"));
    List<SessionService> services = services(sessionId).stream().filter(v -> v.clientId().equals(clientId)).toList();
    services.forEach(em::remove);
    em.remove(c);
    return services;
  }

  public SessionService upsertService(String sessionId, String clientId, String name, String endpoint, Map<String, String> labels) {
    find(sessionId);
    SessionService v = service(sessionId, clientId, name).orElse(null);
    if (v == null) {
      v = new SessionService(sessionId, clientId, name, Rfc3339.nowUtc());
      v.update(endpoint, labels, Rfc3339.nowUtc());
      em.persist(v);
    } else {
      v.update(endpoint, labels, Rfc3339.nowUtc());
    }
    return v;
  }

  public Optional<SessionService> service(String sessionId, String clientId, String name) {
    return em.createQuery(
            "SELECT v FROM SessionService v WHERE v.sessionId = :s AND v.clientId = :c AND v.name = :n", SessionService.class)
        .setParameter("s", sessionId)
        .setParameter("c", clientId)
        .setParameter("n", name)
        .getResultStream()
        .findFirst();
  }

  public List<SessionService> services(String sessionId) {
    return em.createQuery(
            "SELECT v FROM SessionService v WHERE v.sessionId = :s ORDER BY v.clientId, v.name", SessionService.class)
        .setParameter("s", sessionId)
        .getResultList();
  }

  public void removeService(String sessionId, String clientId, String name) {
    SessionService v = service(sessionId, clientId, name).orElseThrow(() -> new ResourceNotFound("name",
        "Session '" + sessionId + "' has no service '" + name + "' of client '" + clientId + "'"));
    em.remove(v);
  }

  public Collection saveCollection(Collection c) {
    em.persist(c);
    return c;
  }

  public List<Collection> collections(String sessionId) {
    return em.createQuery(
            "SELECT c FROM SessionCollection c WHERE c.sessionId = :s ORDER BY c.createdAt DESC, c.id DESC", Collection.class)
        .setParameter("s", sessionId)
        .getResultList();
  }

  public Collection collection(String sessionId, long id) {
    Collection c = em.find(Collection.class, id);
    if (c == null || !c.sessionId().equals(sessionId)) {
      throw new ResourceNotFound("collection_id", "Session '" + sessionId + "' has no collection " + id);
    }
    return c;
  }

  private MonitoringSession locked(String id) {
    MonitoringSession s = em.find(MonitoringSession.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (s == null) {
      throw new ResourceNotFound("session_id", "No monitoring session '" + id + "'");
    }
    return s;
  }
}

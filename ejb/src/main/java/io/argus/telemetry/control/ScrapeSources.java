package io.argus.telemetry.control;

import io.argus.platform.control.InvalidParameter;
import io.argus.platform.control.ResourceNotFound;
import io.argus.platform.control.Rfc3339;
import io.argus.platform.control.StateConflict;
import io.argus.telemetry.entity.ScrapeSource;
import io.argus.telemetry.entity.SourceKind;
import io.argus.security.entity.Role;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** The registered scrape sources: registration, listing, removal, and which are due. */
@Stateless
@DeclareRoles({Role.READER_NAME, Role.OPERATOR_NAME, Role.ADMIN_NAME})
public class ScrapeSources {

  public static final Duration MAX_INTERVAL = Duration.ofDays(1);

  @PersistenceContext(unitName = "argus")
  EntityManager em;

  /** Registers an endpoint; the URL must be new. */
  @RolesAllowed(Role.OPERATOR_NAME)
  public ScrapeSource register(URI url, SourceKind kind, Duration interval) {
    if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
      throw new InvalidParameter("interval", "interval must be from 1s to 1d");
    }
    String text = url.toString();
    if (!em.createQuery("SELECT s FROM ScrapeSource s WHERE s.url = :u", ScrapeSource.class)
        .setParameter("u", text).getResultList().isEmpty()) {
      throw new StateConflict("The source " + text + " is registered already");
    }
    ScrapeSource source = new ScrapeSource(text, kind, interval, Rfc3339.nowUtc());
    em.persist(source);
    em.flush();
    return source;
  }

  public List<ScrapeSource> list() {
    return em.createQuery("SELECT s FROM ScrapeSource s ORDER BY s.id", ScrapeSource.class).getResultList();
  }

  public ScrapeSource get(long id) {
    ScrapeSource s = em.find(ScrapeSource.class, id);
    if (s == null) {
      throw new ResourceNotFound("id", "No source has id " + id);
    }
    return s;
  }

  @RolesAllowed(Role.OPERATOR_NAME)
  public void remove(long id) {
    em.remove(get(id));
  }

  /** The sources whose interval has passed since their last scrape (or never scraped). */
  public List<ScrapeSource> due(Instant now) {
    return list().stream()
        .filter(s -> s.lastScrapeAt() == null || !s.lastScrapeAt().toInstant().plus(s.interval()).isAfter(now))
        .toList();
  }

  /** Records the outcome of a scrape; a source removed meanwhile is ignored. */
  public void scraped(long id, Instant at, Integer samples, String error) {
    ScrapeSource s = em.find(ScrapeSource.class, id);
    if (s != null) {
      s.scraped(OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC), samples, error);
    }
  }
}

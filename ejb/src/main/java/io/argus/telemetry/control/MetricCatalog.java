package io.argus.telemetry.control;

import io.argus.platform.control.ResourceNotFound;
import io.argus.telemetry.entity.Metric;
import io.argus.telemetry.entity.MetricKind;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

/** Reads the metric dictionary: what Argus stores, in which unit, under which other names. */
@Stateless
public class MetricCatalog {

  @PersistenceContext(unitName = "argus")
  EntityManager em;

  @Inject
  MetricCache cache;

  /** Dictionary entries in name order, narrowed by source and kind when given. */
  public List<Metric> list(Optional<String> source, Optional<MetricKind> kind) {
    TypedQuery<Metric> query = em.createQuery(
        "SELECT m FROM Metric m WHERE (:source IS NULL OR m.source = :source)"
            + " AND (:kind IS NULL OR m.kind = :kind) ORDER BY m.name",
        Metric.class);
    query.setParameter("source", source.orElse(null));
    query.setParameter("kind", kind.map(MetricKind::label).orElse(null));
    return query.getResultList();
  }

  /** One entry by its Argus name or by any of its aliases. */
  public Metric find(String nameOrAlias) {
    return cache.get(nameOrAlias, () -> lookup(nameOrAlias));
  }

  private Metric lookup(String nameOrAlias) {
    List<Metric> found = em.createQuery(
            "SELECT DISTINCT m FROM Metric m LEFT JOIN m.aliases a WHERE m.name = :n OR a.alias = :n",
            Metric.class)
        .setParameter("n", nameOrAlias)
        .getResultList();
    if (found.isEmpty()) {
      throw new ResourceNotFound("name", "No metric is named '" + nameOrAlias + "'");
    }
    return found.get(0);
  }
}

package io.argus.ingest.entity;

import io.argus.telemetry.entity.Metric;
import io.argus.telemetry.entity.MetricAlias;
import io.argus.telemetry.entity.MetricKind;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The metric dictionary as plain data: every Argus metric name and every alias (DCGM field,
 * nvidia_smi_*, node_*) with its unit scale, so the normaliser needs no database.
 */
public record MetricDictionary(Map<String, MetricMapping> names) {

  public MetricDictionary {
    names = Map.copyOf(names);
  }

  /** The mapping for an Argus name or an alias; names are case-sensitive, as in Prometheus. */
  public Optional<MetricMapping> resolve(String name) {
    return Optional.ofNullable(names.get(name));
  }

  /** The dictionary as the database holds it. */
  public static MetricDictionary of(Collection<Metric> metrics) {
    Builder builder = builder();
    for (Metric metric : metrics) {
      builder.metric(metric.name(), metric.kind());
    }
    for (Metric metric : metrics) {
      for (MetricAlias alias : metric.aliases()) {
        builder.alias(alias.alias(), metric.name(), alias.scale());
      }
    }
    return builder.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects names first, then aliases that point at them. */
  public static final class Builder {

    private final Map<String, MetricMapping> names = new HashMap<>();

    private Builder() {}

    public Builder metric(String name, MetricKind kind) {
      put(name, new MetricMapping(name, kind, 1));
      return this;
    }

    /** Registers another name for a metric already registered with {@link #metric}. */
    public Builder alias(String alias, String metric, double scale) {
      MetricMapping target = names.get(metric);
      if (target == null || !target.metric().equals(metric)) {
        throw new IllegalArgumentException("alias " + alias + " points at unknown metric " + metric);
      }
      put(alias, new MetricMapping(metric, target.kind(), scale));
      return this;
    }

    private void put(String name, MetricMapping mapping) {
      Objects.requireNonNull(name, "name");
      MetricMapping previous = names.putIfAbsent(name, mapping);
      if (previous != null) {
        throw new IllegalArgumentException("name " + name + " is already mapped to " + previous.metric());
      }
    }

    public MetricDictionary build() {
      return new MetricDictionary(names);
    }
  }
}

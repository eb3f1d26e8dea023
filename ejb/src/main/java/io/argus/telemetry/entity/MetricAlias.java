package io.argus.telemetry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Another exporter's name for a metric, and the factor from its unit to ours. */
@Embeddable
public class MetricAlias {

  @Column(name = "alias", nullable = false, length = 128)
  private String alias;

  @Column(name = "scale", nullable = false)
  private double scale;

  protected MetricAlias() {}

  public MetricAlias(String alias, double scale) {
    this.alias = alias;
    this.scale = scale;
  }

  public String alias() {
    return alias;
  }

  public double scale() {
    return scale;
  }
}

package io.argus.ingest.entity;

import io.argus.telemetry.entity.MetricKind;
import java.util.Objects;

/** Where a foreign metric name lands in the dictionary, and the factor from its unit to Argus's. */
public record MetricMapping(String metric, MetricKind kind, double scale) {

  public MetricMapping {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(kind, "kind");
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("scale must be a positive finite number, got " + scale);
    }
  }

  /** The value in Argus's unit. */
  public double apply(double value) {
    if (scale == 1) {
      return value;
    }
    // Dividing by an exact integer keeps decimal results exact where multiplying by its inexact
    // reciprocal would not: 128996013 mJ * 0.001 is 128996.01300000001, / 1000 is 128996.013.
    double inverse = 1 / scale;
    if (scale < 1 && inverse == Math.rint(inverse)) {
      return value / inverse;
    }
    return value * scale;
  }
}

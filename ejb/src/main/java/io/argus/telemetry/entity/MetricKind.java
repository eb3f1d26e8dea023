package io.argus.telemetry.entity;

import io.argus.platform.control.InvalidParameter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prometheus's two kinds of number Argus stores: a level that moves both ways, or a running total. */
public enum MetricKind {
  GAUGE,
  COUNTER;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a request value such as {@code gauge}; anything else is a 400 naming the parameter. */
  public static MetricKind parse(String parameter, String value) {
    for (MetricKind kind : values()) {
      if (kind.label().equalsIgnoreCase(value.trim())) {
        return kind;
      }
    }
    throw new InvalidParameter(parameter, parameter + " must be one of "
        + Arrays.stream(values()).map(MetricKind::label).collect(Collectors.joining(", "))
        + ", got '" + (value.length() > 32 ? value.substring(0, 32) + "…" : value) + "'");
  }
}

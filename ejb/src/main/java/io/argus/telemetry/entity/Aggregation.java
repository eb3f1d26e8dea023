package io.argus.telemetry.entity;

import io.argus.platform.control.InvalidParameter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How samples in one step of a downsampled query become one value. */
public enum Aggregation {
  AVG,
  MIN,
  MAX,
  LAST,
  COUNT;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a request value such as {@code avg}; anything else is a 400 naming the parameter. */
  public static Aggregation parse(String parameter, String value) {
    for (Aggregation a : values()) {
      if (a.label().equalsIgnoreCase(value.strip())) {
        return a;
      }
    }
    throw new InvalidParameter(parameter, parameter + " must be one of "
        + Arrays.stream(values()).map(Aggregation::label).collect(Collectors.joining(", "))
        + ", got '" + (value.length() > 32 ? value.substring(0, 32) + "…" : value) + "'");
  }
}

package io.argus.telemetry.entity;

import io.argus.platform.control.InvalidParameter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What kind of exporter a scrape source is. Every kind goes through the same parser and metric
 * dictionary; the kind documents the source and is shown in listings.
 */
public enum SourceKind {
  DCGM,
  NODE,
  NVIDIA_GPU_EXPORTER,
  PROMETHEUS;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SourceKind parse(String parameter, String value) {
    for (SourceKind k : values()) {
      if (value != null && k.label().equalsIgnoreCase(value.strip())) {
        return k;
      }
    }
    throw new InvalidParameter(parameter, parameter + " must be one of "
        + Arrays.stream(values()).map(SourceKind::label).collect(Collectors.joining(", ")) + ", got '"
        + (value == null ? "" : value.length() > 32 ? value.substring(0, 32) + "…" : value) + "'");
  }
}

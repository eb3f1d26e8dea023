package io.argus.ingest.entity;

import java.util.Objects;
import java.util.Optional;

/** What the {@code # HELP} and {@code # TYPE} lines of an exposition said about one metric family. */
public record MetricFamily(String name, MetricType type, Optional<String> help) {

  public MetricFamily {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(help, "help");
  }
}

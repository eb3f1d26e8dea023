package io.argus.ingest.entity;

import java.util.Objects;

/** A host-level series (node_exporter and other non-GPU metrics), keyed by hostname. */
public record HostIdentity(String hostname) implements SeriesIdentity {

  public HostIdentity {
    Objects.requireNonNull(hostname, "hostname");
    if (hostname.isBlank()) {
      throw new IllegalArgumentException("hostname is blank");
    }
  }
}

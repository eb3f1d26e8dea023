package io.argus.ingest.entity;

import java.util.Objects;
import java.util.Optional;

/**
 * A GPU as the labels of a sample identify it. It is a usable key when it has a uuid, or an index
 * together with a hostname; the other fields fill the {@code gpu} table when known.
 */
public record GpuIdentity(
    Optional<String> uuid,
    Optional<Integer> index,
    Optional<String> hostname,
    Optional<String> device,
    Optional<String> modelName,
    Optional<String> pciBusId,
    Optional<String> driverVersion)
    implements SeriesIdentity {

  public GpuIdentity {
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(pciBusId, "pciBusId");
    Objects.requireNonNull(driverVersion, "driverVersion");
    if (uuid.isEmpty() && (index.isEmpty() || hostname.isEmpty())) {
      throw new IllegalArgumentException("a GPU needs a uuid, or an index and a hostname");
    }
  }

  /** This identity with the fields it lacks taken from {@code other} (a richer report of the same GPU). */
  public GpuIdentity completedBy(GpuIdentity other) {
    return new GpuIdentity(
        uuid.or(other::uuid),
        index.or(other::index),
        hostname.or(other::hostname),
        device.or(other::device),
        modelName.or(other::modelName),
        pciBusId.or(other::pciBusId),
        driverVersion.or(other::driverVersion));
  }
}

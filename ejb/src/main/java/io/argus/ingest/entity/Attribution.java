package io.argus.ingest.entity;

import java.util.Objects;
import java.util.Optional;

/** Who was using the GPU or host when the sample was taken: Kubernetes workload and SLURM job. */
public record Attribution(
    Optional<String> container, Optional<String> pod, Optional<String> namespace, Optional<String> slurmJob) {

  public static final Attribution NONE =
      new Attribution(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public Attribution {
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(pod, "pod");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(slurmJob, "slurmJob");
  }
}

package io.argus.gpu.entity;

import java.util.Optional;

/**
 * Who a GPU process belongs to, as far as the kernel's records tell: its container, Kubernetes pod
 * and namespace, and SLURM job and step; every part is absent where it cannot be derived.
 */
public record ProcessOwner(
    long pid,
    Optional<String> containerId,
    Optional<String> containerRuntime,
    Optional<String> podUid,
    Optional<String> namespace,
    Optional<String> slurmJobId,
    Optional<String> slurmStep,
    Optional<String> cgroupPath) {

  public static ProcessOwner unknown(long pid) {
    return new ProcessOwner(pid, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public ProcessOwner withNamespace(Optional<String> value) {
    return new ProcessOwner(pid, containerId, containerRuntime, podUid, value, slurmJobId,
        slurmStep, cgroupPath);
  }

  public ProcessOwner withSlurm(Optional<String> jobId, Optional<String> step) {
    return new ProcessOwner(pid, containerId, containerRuntime, podUid, namespace, jobId, step,
        cgroupPath);
  }
}

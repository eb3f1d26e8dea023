package io.argus.telemetry.entity;

/** Who used the subject while it was measured; empty strings where unknown, as the store keeps them. */
public record Attribution(String container, String pod, String namespace, String slurmJob) {

  public static final Attribution NONE = new Attribution("", "", "", "");

  public Attribution {
    container = container == null ? "" : container;
    pod = pod == null ? "" : pod;
    namespace = namespace == null ? "" : namespace;
    slurmJob = slurmJob == null ? "" : slurmJob;
  }
}

package io.argus.telemetry.entity;

/** What a series measures: one GPU (by UUID) or one host (by node id). */
public sealed interface Subject {

  /** A GPU or MIG instance, by the UUID the driver reports. */
  record Gpu(String uuid) implements Subject {
    public Gpu {
      requireText(uuid, "uuid");
    }
  }

  /** A node, by its node id (configured, or its hostname). */
  record Host(String nodeId) implements Subject {
    public Host {
      requireText(nodeId, "node id");
    }
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
  }
}

package io.argus.session.entity;

import java.util.Locale;

/** The exporters a registered client can offer, each scraped by its own Prometheus job. */
public enum ExporterKind {
  /** prometheus-node-exporter: CPU, memory, disks, network of the host. */
  NODE(9100),
  /** NVIDIA dcgm-exporter: per-GPU utilisation, memory, power. */
  DCGM(9400);

  private final int defaultPort;

  ExporterKind(int defaultPort) {
    this.defaultPort = defaultPort;
  }

  /** The key in a client's {@code exporters} and {@code preferences} maps, and the job name. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The port the exporter listens on out of the box, used when a client names no address. */
  public int defaultPort() {
    return defaultPort;
  }

  /** The preference that switches this exporter on or off ({@code enable_node}, {@code enable_dcgm}). */
  public String preference() {
    return "enable_" + key();
  }
}

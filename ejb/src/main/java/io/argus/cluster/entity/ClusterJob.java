package io.argus.cluster.entity;

import java.util.Locale;

/**
 * A job that must run on exactly one node of a cluster at a time, with the PostgreSQL advisory
 * lock key that elects its leader.
 */
public enum ClusterJob {
  /** Partition creation, retention and receipt expiry. */
  STORE_MAINTENANCE(0x4152_4755_5301L),
  /** Scraping the registered Prometheus-format sources. */
  SOURCE_SCRAPING(0x4152_4755_5302L),
  /** Following the SLURM jobs of monitoring sessions and ending sessions whose job ended. */
  SESSION_RECONCILING(0x4152_4755_5303L);

  private final long lockKey;

  ClusterJob(long lockKey) {
    this.lockKey = lockKey;
  }

  public long lockKey() {
    return lockKey;
  }

  /** The name in metrics, health data and configuration: {@code store-maintenance}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}

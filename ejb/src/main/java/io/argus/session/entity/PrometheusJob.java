package io.argus.session.entity;

import io.argus.slurm.entity.TimeLimit;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything a launcher needs to run a session's Prometheus: where its files are, where it
 * listens, and the scheduler's partition, time limit and job name.
 */
public record PrometheusJob(
    SessionLayout layout,
    String jobName,
    String listenHost,
    int port,
    Optional<String> partition,
    TimeLimit timeLimit,
    Optional<Duration> retention,
    String prometheusBinary) {

  public PrometheusJob {
    if (layout == null || jobName == null || listenHost == null || timeLimit == null) {
      throw new IllegalArgumentException("a Prometheus job needs a layout, a job name, a host and a time limit");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    partition = partition == null ? Optional.empty() : partition;
    retention = retention == null ? Optional.empty() : retention;
    prometheusBinary = prometheusBinary == null ? "prometheus" : prometheusBinary;
  }

  /** The {@code --web.listen-address} value. */
  public String listenAddress() {
    return new HostPort(listenHost, port).target();
  }
}

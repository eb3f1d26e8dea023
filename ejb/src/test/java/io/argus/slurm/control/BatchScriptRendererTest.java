package io.argus.slurm.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.session.entity.PrometheusJob;
import io.argus.session.entity.SessionLayout;
import io.argus.slurm.entity.TimeLimit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchScriptRendererTest {

  private static PrometheusJob job(Path dir, Optional<String> partition, TimeLimit limit) {
    return new PrometheusJob(
        new SessionLayout("run-42", dir), "argus-run-42", "0.0.0.0", 9090, partition, limit,
        Optional.of(Duration.ofHours(6)), "/usr/bin/prometheus");
  }

  @Test
  void runsPrometheusInTheSessionDirectory() {
    String script =
        BatchScriptRenderer.render(
            job(Path.of("/srv/argus/sessions/run-42"), Optional.of("debug"), new TimeLimit.Bounded(Duration.ofHours(4))));
    assertThat(script)
        .isEqualTo(
            """
            #!/bin/bash
            #SBATCH --job-name=argus-run-42
            #SBATCH --partition=debug
            #SBATCH --time=04:00:00
            #SBATCH --nodes=1
            #SBATCH --ntasks=1
            #SBATCH --chdir=/srv/argus/sessions/run-42
            #SBATCH --output=/srv/argus/sessions/run-42/slurm-%j.out
            #SBATCH --error=/srv/argus/sessions/run-42/slurm-%j.err
            # Prometheus of monitoring session run-42.
            set -eu
            mkdir -p /srv/argus/sessions/run-42/data
            exec /usr/bin/prometheus \\
              --config.file=/srv/argus/sessions/run-42/prometheus.yml \\
              --storage.tsdb.path=/srv/argus/sessions/run-42/data \\
              --storage.tsdb.retention.time=360m \\
              --web.listen-address=0.0.0.0:9090 \\
              --web.enable-lifecycle
            """);
  }

  @Test
  void withoutPartitionTheClusterDefaultApplies() {
    String script = BatchScriptRenderer.render(job(Path.of("/w/s"), Optional.empty(), new TimeLimit.Unlimited()));
    assertThat(script).doesNotContain("--partition").contains("#SBATCH --time=UNLIMITED\n");
  }

  @Test
  void refusesPathsThatSbatchDirectivesCannotCarry() {
    assertThatThrownBy(() -> BatchScriptRenderer.render(job(Path.of("/w/my session"), Optional.empty(), new TimeLimit.Unlimited())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/w/my session");
    assertThatThrownBy(() -> BatchScriptRenderer.render(job(Path.of("/w/100%"), Optional.empty(), new TimeLimit.Unlimited())))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

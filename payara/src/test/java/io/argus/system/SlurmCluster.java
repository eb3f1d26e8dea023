package io.argus.system;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The single-node SLURM, Prometheus and node_exporter that {@code src/ci/provision.sh} starts,
 * found through the environment it exports ({@code SLURM_CONF}, {@code SLURM_PARTITION},
 * {@code PROMETHEUS_BIN}, {@code NODE_EXPORTER_ADDR}).
 */
final class SlurmCluster {

  private SlurmCluster() {}

  /** Skips the calling test class, saying why, when no SLURM cluster is there to test against. */
  static void require() {
    assumeTrue(onPath("sbatch"), "SLURM system test skipped: sbatch is not on the PATH (src/ci/provision.sh starts a cluster as root)");
    String conf = System.getenv("SLURM_CONF");
    assumeTrue(conf != null && Files.isRegularFile(Path.of(conf)),
        "SLURM system test skipped: SLURM_CONF does not name a slurm.conf (got " + conf + "); run the tests through src/ci/test.sh");
    assumeTrue(Files.isExecutable(Path.of(prometheus())), "SLURM system test skipped: no Prometheus at " + prometheus());
  }

  static void requirePrometheus() {
    assumeTrue(Files.isExecutable(Path.of(prometheus())),
        "Local-launcher system test skipped: no Prometheus at " + prometheus() + " (set PROMETHEUS_BIN or install prometheus)");
  }

  static String prometheus() {
    return Optional.ofNullable(System.getenv("PROMETHEUS_BIN")).filter(s -> !s.isBlank()).orElse("/usr/bin/prometheus");
  }

  static String partition() {
    return Optional.ofNullable(System.getenv("SLURM_PARTITION")).filter(s -> !s.isBlank()).orElse("debug");
  }

  /** node_exporter's host:port, or empty when the provisioning started none. */
  static Optional<String> nodeExporter() {
    return Optional.ofNullable(System.getenv("NODE_EXPORTER_ADDR")).filter(s -> !s.isBlank());
  }

  /** The environment Argus needs to reach this cluster. */
  static Map<String, String> environment() {
    return Map.of("SLURM_CONF", System.getenv("SLURM_CONF"), "ARGUS_SESSION_PROMETHEUS_BINARY", prometheus());
  }

  /** What squeue prints for the job: its state, or empty once it left the queue. */
  static String squeueState(String jobId) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(List.of("squeue", "-h", "-j", jobId, "-o", "%T")).redirectErrorStream(true).start();
    p.waitFor(30, TimeUnit.SECONDS);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    return out.contains("Invalid job id") ? "" : out;
  }

  private static boolean onPath(String program) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    return Arrays.stream(path.split(":")).anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
  }
}

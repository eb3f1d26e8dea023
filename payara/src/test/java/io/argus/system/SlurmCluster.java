package io.argus.system;

import io.argus.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

  /**
   * Skips the calling test class, saying why, when no SLURM cluster is there to test against; fails
   * it under CI (see {@link Prerequisites}).
   */
  static void require() {
    Prerequisites.require(onPath("sbatch"), "SLURM: sbatch is not on the PATH (src/ci/provision.sh starts a cluster as root)");
    String conf = System.getenv("SLURM_CONF");
    Prerequisites.require(conf != null && Files.isRegularFile(Path.of(conf)),
        "SLURM: SLURM_CONF does not name a slurm.conf (got " + conf + "); run the tests through src/ci/test.sh");
    requirePrometheus();
  }

  static void requirePrometheus() {
    Prerequisites.require(Files.isExecutable(Path.of(prometheus())),
        "Prometheus: no executable at " + prometheus() + " (set PROMETHEUS_BIN or install the Debian package prometheus)");
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

  /** Cancels the job the way a user would, with scancel and the cluster's SLURM_CONF, past Argus. */
  static void scancel(String jobId) throws IOException, InterruptedException {
    ProcessBuilder scancel = new ProcessBuilder(List.of("scancel", jobId)).redirectErrorStream(true);
    scancel.environment().put("SLURM_CONF", System.getenv("SLURM_CONF"));
    Process p = scancel.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("scancel " + jobId + " failed: " + out);
    }
  }

  /** The directory src/ci/slurm-up.sh keeps the cluster's configuration, state and pid files in. */
  static Path stateDirectory() {
    return Path.of(Optional.ofNullable(System.getenv("ARGUS_SLURM_DIR")).filter(s -> !s.isBlank()).orElse("/tmp/argus-slurm"));
  }

  /**
   * Stops slurmctld with SIGTERM, as an outage that ends well: it saves its state first, and the
   * jobs keep running under slurmd. Waits until the process is gone.
   */
  static void stopController(Duration timeout) throws IOException, InterruptedException {
    long pid = controllerPid().orElseThrow(() -> new AssertionError("slurmctld does not run (pid file " + controllerPidFile() + ")"));
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy); // SIGTERM
    long deadline = System.nanoTime() + timeout.toNanos();
    while (running(pid)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("slurmctld (pid " + pid + ") still runs " + timeout.toSeconds() + " s after SIGTERM");
      }
      Thread.sleep(100);
    }
  }

  /**
   * Starts slurmctld again, unless it runs, without {@code -c}, so that it takes up the jobs it
   * saved; waits until {@code scontrol ping} says it is UP.
   */
  static void startController(Duration timeout) throws IOException, InterruptedException {
    if (controllerPid().isEmpty()) {
      // slurmctld daemonizes: the command returns once the daemon has forked
      Process start = new ProcessBuilder(List.of("slurmctld", "-f", System.getenv("SLURM_CONF")))
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!start.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || start.exitValue() != 0) {
        throw new AssertionError("slurmctld -f " + System.getenv("SLURM_CONF") + " did not start; see " + stateDirectory().resolve("log"));
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!controllerAnswers()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("slurmctld does not answer scontrol ping " + timeout.toSeconds() + " s after its start");
      }
      Thread.sleep(100);
    }
  }

  private static boolean controllerAnswers() throws IOException, InterruptedException {
    Process p = new ProcessBuilder(List.of("scontrol", "ping")).redirectErrorStream(true).start();
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return false;
    }
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).contains("is UP");
  }

  private static Path controllerPidFile() {
    return stateDirectory().resolve("run/slurmctld.pid");
  }

  /** The pid in slurmctld's pid file, only while that process runs slurmctld (never a stranger's pid). */
  private static Optional<Long> controllerPid() throws IOException {
    Path file = controllerPidFile();
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String text = Files.readString(file).strip();
    if (!text.matches("[0-9]{1,9}")) {
      return Optional.empty();
    }
    long pid = Long.parseLong(text);
    Path exe = Path.of("/proc", text, "exe");
    try {
      return running(pid) && exe.toRealPath().getFileName().toString().startsWith("slurmctld") ? Optional.of(pid) : Optional.empty();
    } catch (IOException gone) {
      return Optional.empty();
    }
  }

  /** Alive and not a zombie (the init process here reaps slowly, so a dead daemon lingers as one). */
  private static boolean running(long pid) throws IOException {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    try {
      String s = Files.readString(stat);
      // the state follows the command name, which is in parentheses and may itself hold spaces
      char state = s.substring(s.lastIndexOf(')') + 2).charAt(0);
      return state != 'Z' && state != 'X';
    } catch (java.nio.file.NoSuchFileException gone) {
      return false;
    }
  }

  private static boolean onPath(String program) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    return Arrays.stream(path.split(":")).anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
  }
}

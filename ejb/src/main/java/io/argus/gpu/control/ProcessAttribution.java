package io.argus.gpu.control;

import io.argus.gpu.entity.ProcessOwner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Attributes a process (typically one NVML lists on a GPU) to its container, pod, namespace and
 * SLURM job from what procfs records about it.
 *
 * <p>dcgm-exporter attributes GPUs to pods differently: it asks the kubelet's pod-resources gRPC
 * API which pod, namespace and container each device was allocated to. That yields pod names but
 * needs the kubelet socket, only knows devices handed out by a device plugin, and knows nothing of
 * SLURM or of containers outside Kubernetes. Reading {@code /proc/<pid>/cgroup} works for every
 * process on the node, under both cgroup versions and both kubelet cgroup drivers; the pod name is
 * not in the cgroup path, so joining a pod UID to a name is left to whoever has the Kubernetes API.
 *
 * <p>Reading another process's environment and root file system needs the privileges a node agent
 * runs with; without them those parts are simply absent. Thread-safe: it holds no state.
 */
public final class ProcessAttribution {

  /** Kubernetes mounts the service account, and with it the pod's namespace, into containers. */
  private static final String NAMESPACE_FILE =
      "root/var/run/secrets/kubernetes.io/serviceaccount/namespace";

  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern STEP = Pattern.compile("\\w+");

  private final Path proc;

  /** Reads under the given procfs root; tests hand in a directory laid out like /proc. */
  public ProcessAttribution(Path proc) {
    this.proc = proc;
  }

  public static ProcessAttribution ofThisMachine() {
    return new ProcessAttribution(Path.of("/proc"));
  }

  /** Everything derivable about the process; a process that has gone is simply unknown. */
  public ProcessOwner attribute(long pid) {
    Path process = proc.resolve(Long.toString(pid));
    ProcessOwner owner = read(process.resolve("cgroup"))
        .map(text -> fromCgroupFile(pid, text))
        .orElseGet(() -> ProcessOwner.unknown(pid));
    if (owner.slurmJobId().isEmpty()) {
      // proctrack/linuxproc and pgid keep no cgroup per job; the job id is still in the environment
      Map<String, String> environment = environment(process.resolve("environ"));
      Optional<String> job = first(environment, "SLURM_JOB_ID", "SLURM_JOBID")
          .filter(id -> DIGITS.matcher(id).matches());
      if (job.isPresent()) {
        owner = owner.withSlurm(job, first(environment, "SLURM_STEP_ID", "SLURM_STEPID")
            .filter(step -> STEP.matcher(step).matches()));
      }
    }
    if (owner.podUid().isPresent()) {
      owner = owner.withNamespace(read(process.resolve(NAMESPACE_FILE))
          .map(String::trim)
          .filter(ns -> NAMESPACE.matcher(ns).matches()));
    }
    return owner;
  }

  /**
   * The owner as told by the content of a {@code /proc/<pid>/cgroup} file: with cgroup v1 each
   * controller has its own line and SLURM only uses some of them, so the most telling line wins,
   * the unified (v2) line on a tie.
   */
  static ProcessOwner fromCgroupFile(long pid, String cgroupFile) {
    CgroupPath best = null;
    boolean bestIsUnified = false;
    for (String line : cgroupFile.split("\n")) {
      String[] fields = line.split(":", 3);
      if (fields.length < 3 || fields[2].isBlank()) {
        continue;
      }
      boolean unified = fields[0].equals("0") && fields[1].isEmpty();
      CgroupPath candidate = CgroupPath.parse(fields[2].trim());
      if (best == null || candidate.richness() > best.richness()
          || (candidate.richness() == best.richness() && unified && !bestIsUnified)) {
        best = candidate;
        bestIsUnified = unified;
      }
    }
    if (best == null) {
      return ProcessOwner.unknown(pid);
    }
    return new ProcessOwner(pid, best.containerId(), best.containerRuntime(), best.podUid(),
        Optional.empty(), best.slurmJobId(), best.slurmStep(), Optional.of(best.path()));
  }

  /** {@code /proc/<pid>/environ}: NUL-separated NAME=value entries, as the process started. */
  static Map<String, String> parseEnvironment(byte[] environ) {
    Map<String, String> variables = new HashMap<>();
    for (String entry : new String(environ, StandardCharsets.UTF_8).split("\0")) {
      int equals = entry.indexOf('=');
      if (equals > 0) {
        variables.putIfAbsent(entry.substring(0, equals), entry.substring(equals + 1));
      }
    }
    return variables;
  }

  private static Map<String, String> environment(Path file) {
    try {
      return parseEnvironment(Files.readAllBytes(file));
    } catch (IOException | UncheckedIOException | SecurityException e) {
      return Map.of();
    }
  }

  private static Optional<String> first(Map<String, String> variables, String... names) {
    for (String name : names) {
      String value = variables.get(name);
      if (value != null && !value.isBlank()) {
        return Optional.of(value.trim());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | UncheckedIOException | SecurityException e) {
      return Optional.empty();
    }
  }
}

package io.argus.gpu.control;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one cgroup path says about its processes, from the naming conventions of the kubelet (both
 * cgroup drivers), container runtimes and slurmd (cgroup v1 and v2).
 */
record CgroupPath(
    String path,
    Optional<String> containerId,
    Optional<String> containerRuntime,
    Optional<String> podUid,
    Optional<String> slurmJobId,
    Optional<String> slurmStep) {

  private static final String UUID =
      "[0-9a-f]{8}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{4}[-_][0-9a-f]{12}";

  /**
   * {@code pod<uid>} (cgroupfs driver) or {@code kubepods-<qos>-pod<uid>.slice} (systemd driver,
   * dashes in the uid turned into underscores); static pods have a 32-digit hash instead of a uid.
   */
  private static final Pattern POD =
      Pattern.compile("(?:^|-)pod(" + UUID + "|[0-9a-f]{32})(?:\\.slice)?");

  /** A bare id (cgroupfs driver) or {@code <runtime>-<id>.scope} (systemd driver). */
  private static final Pattern CONTAINER =
      Pattern.compile("(?:(docker|cri-containerd|crio|libpod)-)?([0-9a-f]{64})(?:\\.scope)?");

  /**
   * containerd with {@code SystemdCgroup} while the kubelet drives cgroupfs leaves the systemd
   * "slice:prefix:name" triple unparsed as one directory name.
   */
  private static final Pattern SYSTEMD_TRIPLE =
      Pattern.compile("(.+\\.slice):(docker|cri-containerd|crio):([0-9a-f]{64})");

  /** v1: {@code slurm} or {@code slurm_<node>}; v2: {@code [<node>_]slurmstepd.scope}. */
  private static final Pattern SLURM_ROOT =
      Pattern.compile("slurm(?:_[^/]+)?|(?:[^/]+_)?slurmstepd\\.scope");

  private static final Pattern SLURM_JOB = Pattern.compile("job_(\\d+)");
  private static final Pattern SLURM_STEP = Pattern.compile("step_(\\w+)");

  static CgroupPath parse(String path) {
    String[] segments = path.split("/");
    boolean kubernetes = path.contains("kubepods");
    Optional<String> podUid = Optional.empty();
    Optional<String> containerId = Optional.empty();
    Optional<String> runtime = Optional.empty();
    int slurmRoot = -1;
    Optional<String> job = Optional.empty();
    Optional<String> step = Optional.empty();

    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (segment.isEmpty()) {
        continue;
      }
      Matcher triple = SYSTEMD_TRIPLE.matcher(segment);
      if (triple.matches()) {
        Optional<String> uid = podUid(triple.group(1));
        if (uid.isPresent()) {
          podUid = uid;
        }
        containerId = Optional.of(triple.group(3));
        runtime = Optional.of(runtimeName(triple.group(2)));
        continue;
      }
      if (kubernetes) {
        Optional<String> uid = podUid(segment);
        if (uid.isPresent()) {
          podUid = uid;
          continue;
        }
      }
      Matcher container = CONTAINER.matcher(segment);
      if (container.matches()) {
        containerId = Optional.of(container.group(2));
        if (container.group(1) != null) {
          runtime = Optional.of(runtimeName(container.group(1)));
        } else if (i > 0 && segments[i - 1].equals("docker")) {
          runtime = Optional.of("docker");
        } else {
          runtime = Optional.empty();
        }
        continue;
      }
      if (slurmRoot < 0 && SLURM_ROOT.matcher(segment).matches()) {
        slurmRoot = i;
        continue;
      }
      if (slurmRoot >= 0) {
        Matcher jobMatcher = SLURM_JOB.matcher(segment);
        Matcher stepMatcher = SLURM_STEP.matcher(segment);
        if (job.isEmpty() && jobMatcher.matches()) {
          job = Optional.of(jobMatcher.group(1));
        } else if (job.isPresent() && step.isEmpty() && stepMatcher.matches()) {
          step = Optional.of(stepMatcher.group(1));
        }
      }
    }
    return new CgroupPath(path, containerId, runtime, podUid, job, step);
  }

  /** How much this path tells, to choose among the lines of a cgroup v1 file. */
  int richness() {
    return (containerId.isPresent() ? 1 : 0) + (podUid.isPresent() ? 1 : 0)
        + (slurmJobId.isPresent() ? 1 : 0) + (slurmStep.isPresent() ? 1 : 0);
  }

  private static Optional<String> podUid(String segment) {
    Matcher pod = POD.matcher(segment);
    return pod.find() && pod.end() == segment.length()
        ? Optional.of(pod.group(1).replace('_', '-'))
        : Optional.empty();
  }

  private static String runtimeName(String prefix) {
    return switch (prefix) {
      case "cri-containerd" -> "containerd";
      case "crio" -> "cri-o";
      case "libpod" -> "podman";
      default -> prefix;
    };
  }
}

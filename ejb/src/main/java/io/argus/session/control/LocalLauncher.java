package io.argus.session.control;

import io.argus.platform.control.DependencyUnavailable;
import io.argus.session.entity.LauncherKind;
import io.argus.session.entity.PrometheusJob;
import io.argus.session.entity.SessionLayout;
import io.argus.slurm.entity.JobId;
import io.argus.slurm.entity.JobState;
import io.argus.slurm.entity.JobStatus;
import io.argus.slurm.entity.TimeLimit;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Runs a session's Prometheus as a child process of Argus, for machines without SLURM. The process
 * id is the job id; the time limit is enforced when the job's status is asked for (the reconciler
 * does that on every tick). Prometheus outlives an Argus restart and is taken up again by
 * {@link #reattach}.
 */
public final class LocalLauncher implements Launcher {

  static final String LOG_FILE = "prometheus-local.log";
  private static final Logger LOG = Logger.getLogger(LocalLauncher.class.getName());

  private final String binary;
  private final Clock clock;
  private final Map<Long, Entry> jobs = new ConcurrentHashMap<>();

  /** A job this launcher started (with its exit code) or took up after a restart (without). */
  private static final class Entry {
    final ProcessHandle handle;
    final Process process;
    final Optional<Instant> deadline;
    volatile boolean cancelled;
    volatile boolean timedOut;

    Entry(ProcessHandle handle, Process process, Optional<Instant> deadline) {
      this.handle = handle;
      this.process = process;
      this.deadline = deadline;
    }
  }

  public LocalLauncher(String binary, Clock clock) {
    this.binary = binary;
    this.clock = clock;
  }

  @Override
  public LauncherKind kind() {
    return LauncherKind.LOCAL;
  }

  /** The arguments Prometheus runs with; the same flags as the batch script's. */
  static List<String> command(PrometheusJob job) {
    var command = new ArrayList<String>();
    command.add(job.prometheusBinary());
    command.add("--config.file=" + job.layout().configFile());
    command.add("--storage.tsdb.path=" + job.layout().dataDirectory());
    job.retention().ifPresent(r -> command.add("--storage.tsdb.retention.time=" + r.toMinutes() + "m"));
    command.add("--web.listen-address=" + job.listenAddress());
    command.add("--web.enable-lifecycle");
    return command;
  }

  @Override
  public JobId launch(PrometheusJob job) {
    SessionLayout layout = job.layout();
    Path log = layout.workingDirectory().resolve(LOG_FILE);
    Process process;
    try {
      Files.createDirectories(layout.dataDirectory());
      process =
          new ProcessBuilder(command(job))
              .directory(layout.workingDirectory().toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new DependencyUnavailable("Prometheus", "cannot run " + job.prometheusBinary() + ": " + e.getMessage());
    }
    Optional<Instant> deadline =
        job.timeLimit() instanceof TimeLimit.Bounded b ? Optional.of(clock.instant().plus(b.duration())) : Optional.empty();
    jobs.put(process.pid(), new Entry(process.toHandle(), process, deadline));
    return new JobId(Long.toString(process.pid()));
  }

  @Override
  public Optional<JobStatus> status(JobId id) {
    Entry entry = jobs.get(Long.parseLong(id.value()));
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.handle.isAlive()) {
      if (entry.deadline.filter(d -> !clock.instant().isBefore(d)).isPresent() && !entry.timedOut) {
        entry.timedOut = true;
        LOG.info(() -> "Local Prometheus " + id + " reached its time limit; stopping it");
        entry.handle.destroy();
      }
      return Optional.of(status(id, JobState.RUNNING, Optional.empty(), Optional.empty()));
    }
    Optional<Integer> exit = entry.process == null ? Optional.empty() : Optional.of(entry.process.exitValue());
    Optional<String> exitCode = exit.map(code -> code + ":0");
    if (entry.timedOut) {
      return Optional.of(status(id, JobState.TIMEOUT, Optional.of("TimeLimit"), exitCode));
    }
    if (entry.cancelled) {
      return Optional.of(status(id, JobState.CANCELLED, Optional.empty(), exitCode));
    }
    if (exit.isEmpty()) {
      return Optional.of(status(id, JobState.COMPLETED, Optional.of("exit status unknown (taken up after a restart)"), exitCode));
    }
    return Optional.of(exit.get() == 0
        ? status(id, JobState.COMPLETED, Optional.empty(), exitCode)
        : status(id, JobState.FAILED, Optional.of("NonZeroExitCode"), exitCode));
  }

  private static JobStatus status(JobId id, JobState state, Optional<String> reason, Optional<String> exitCode) {
    return new JobStatus(id, state, reason, Optional.of("localhost"), Optional.empty(), Optional.empty(), exitCode);
  }

  @Override
  public void cancel(JobId id) {
    Entry entry = jobs.get(Long.parseLong(id.value()));
    if (entry != null && entry.handle.isAlive()) {
      entry.cancelled = true;
      entry.handle.destroy();
    }
  }

  /** The configured binary can be run. */
  @Override
  public void ping() {
    if (resolve(binary).isEmpty()) {
      throw new DependencyUnavailable("Prometheus", "no executable Prometheus at '" + binary + "' (argus.session.prometheus-binary)");
    }
  }

  /**
   * Takes up the process only if it still runs Prometheus with this session's configuration: a
   * reused process id must never be mistaken for the session's job.
   */
  @Override
  public void reattach(JobId id, SessionLayout layout, Optional<Instant> deadline) {
    long pid = Long.parseLong(id.value());
    if (jobs.containsKey(pid)) {
      return;
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    String expected = "--config.file=" + layout.configFile();
    boolean ours =
        handle.flatMap(h -> h.info().arguments()).map(args -> List.of(args).contains(expected)).orElse(false);
    if (ours) {
      jobs.put(pid, new Entry(handle.get(), null, deadline));
      LOG.info(() -> "Took up local Prometheus " + pid + " of session " + layout.sessionId());
    }
  }

  @Override
  public List<Path> logFiles(SessionLayout layout, JobId id) {
    return List.of(layout.workingDirectory().resolve(LOG_FILE));
  }

  /** A bare name is looked up on the PATH, as the shell would. */
  public static Optional<Path> resolve(String program) {
    if (program.contains(File.separator)) {
      Path p = Path.of(program);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/local/bin:/usr/bin:/bin");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, program);
        if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}

package io.argus.slurm.control;

import io.argus.platform.control.DependencyUnavailable;
import io.argus.session.control.Launcher;
import io.argus.session.control.TargetFiles;
import io.argus.session.entity.LauncherKind;
import io.argus.session.entity.PrometheusJob;
import io.argus.session.entity.SessionLayout;
import io.argus.slurm.entity.JobId;
import io.argus.slurm.entity.JobStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs session Prometheus instances as SLURM batch jobs through sbatch, squeue, scontrol and
 * scancel; while slurmctld is known to be down, refuses them at once (see {@link ControllerReachability}).
 */
public final class SlurmLauncher implements Launcher {

  /** What the tools print when the controller cannot be reached, as opposed to refusing a request. */
  private static final Pattern UNREACHABLE =
      Pattern.compile(
          "Unable to contact slurm controller|Socket timed out|Connection refused|Zero Bytes were transmitted"
              + "|DNS SRV lookup failed|Could not establish a configuration source|Communication connection failure",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern UNKNOWN_JOB = Pattern.compile("Invalid job id specified", Pattern.CASE_INSENSITIVE);

  private final SlurmSettings settings;
  private final CommandRunner runner;
  private final ControllerReachability controller;

  public SlurmLauncher(SlurmSettings settings, CommandRunner runner) {
    this(settings, runner, InstantSource.system());
  }

  SlurmLauncher(SlurmSettings settings, CommandRunner runner, InstantSource clock) {
    this.settings = settings;
    this.runner = runner;
    this.controller = new ControllerReachability(this::pingFailure, settings.recheckInterval(), clock);
  }

  @Override
  public LauncherKind kind() {
    return LauncherKind.SLURM;
  }

  /**
   * What {@code sbatch --version} prints: whether SLURM's tools can be run here at all (sbatch
   * answers it without the controller).
   *
   * @throws CommandFailed when sbatch cannot be run or fails, saying how
   */
  public String sbatchVersion() {
    CommandResult result = runner.run(new Command(List.of(settings.sbatch(), "--version"), environment(), settings.commandTimeout()));
    if (!result.succeeded()) {
      throw new CommandFailed(settings.sbatch() + " --version failed (exit " + result.exitCode() + ")"
          + (result.output().isEmpty() ? "" : ": " + result.output()));
    }
    return result.output();
  }

  /** The sbatch this launcher runs: a path, or a name looked up on the PATH. */
  public String sbatch() {
    return settings.sbatch();
  }

  /** {@code scontrol ping} with the short ping timeout; the outcome is what later calls go by. */
  @Override
  public void ping() {
    controller.check().failure().ifPresent(failure -> {
      throw new DependencyUnavailable("SLURM", failure);
    });
  }

  @Override
  public void requireReachable() {
    controller.requireReachable();
  }

  private Optional<String> pingFailure() {
    try {
      CommandResult result = runner.run(new Command(List.of(settings.scontrol(), "ping"), environment(), settings.pingTimeout()));
      return result.succeeded() && result.stdout().contains("UP")
          ? Optional.empty()
          : Optional.of("scontrol ping failed (exit " + result.exitCode() + "): " + result.output());
    } catch (CommandFailed e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The batch script's --output and --error files. */
  @Override
  public List<Path> logFiles(SessionLayout layout, JobId id) {
    return List.of(
        layout.workingDirectory().resolve("slurm-" + id.value() + ".err"),
        layout.workingDirectory().resolve("slurm-" + id.value() + ".out"));
  }

  /**
   * Writes the batch script into the session's directory and submits it.
   *
   * @throws SlurmRejected when sbatch refuses the job (unknown partition, time limit too long)
   * @throws SlurmUnreachable when the controller is known to be down; nothing was written
   * @throws DependencyUnavailable when the controller does not answer or sbatch cannot run
   */
  @Override
  public JobId launch(PrometheusJob job) {
    controller.requireReachable();
    try {
      Files.createDirectories(job.layout().workingDirectory());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + job.layout().workingDirectory(), e);
    }
    TargetFiles.write(job.layout().batchScript(), BatchScriptRenderer.render(job));
    CommandResult result = run(settings.sbatch(), "--parsable", job.layout().batchScript().toString());
    if (!result.succeeded()) {
      throw failure("sbatch", result);
    }
    return SbatchParser.parse(result.stdout())
        .orElseThrow(() -> new DependencyUnavailable("SLURM", "sbatch printed no job id: " + result.output()));
  }

  /**
   * Asks squeue first and, once the job has left the queue, scontrol, which keeps ended jobs for
   * MinJobAge with their final state.
   */
  @Override
  public Optional<JobStatus> status(JobId id) {
    Optional<List<JobStatus>> queued = squeue(id);
    if (queued.isEmpty()) {
      return Optional.empty();
    }
    Optional<JobStatus> found = find(id, queued.get());
    if (found.isPresent()) {
      return found;
    }
    CommandResult shown = run(settings.scontrol(), "show", "job", id.value());
    if (!shown.succeeded()) {
      if (UNKNOWN_JOB.matcher(shown.output()).find()) {
        return Optional.empty();
      }
      throw unavailable("scontrol", shown);
    }
    return find(id, ScontrolParser.parse(shown.stdout()));
  }

  /** Asks squeue only: it drops a job once the job has ended and released its node. */
  @Override
  public boolean listed(JobId id) {
    return squeue(id).flatMap(jobs -> find(id, jobs)).isPresent();
  }

  /** What squeue prints for the job (nothing once it left the queue); empty when SLURM does not know the job at all. */
  private Optional<List<JobStatus>> squeue(JobId id) {
    controller.requireReachable();
    CommandResult queued = run(settings.squeue(), "-h", "-j", id.value(), "-o", SqueueParser.FORMAT);
    if (!queued.succeeded()) {
      if (UNKNOWN_JOB.matcher(queued.output()).find()) {
        return Optional.empty();
      }
      throw unavailable("squeue", queued);
    }
    return Optional.of(SqueueParser.parse(queued.stdout()));
  }

  /** scancel answers 0 even for unknown jobs, so only {@link #listed} can confirm the end. */
  @Override
  public void cancel(JobId id) {
    controller.requireReachable();
    CommandResult result = run(settings.scancel(), id.value());
    if (!result.succeeded()) {
      throw failure("scancel", result);
    }
  }

  private Map<String, String> environment() {
    return settings.slurmConf().map(conf -> Map.of("SLURM_CONF", conf.toString())).orElse(Map.of());
  }

  private CommandResult run(String... arguments) {
    try {
      return runner.run(new Command(List.of(arguments), environment(), settings.commandTimeout()));
    } catch (CommandFailed e) {
      controller.unreachable(e.getMessage());
      throw new DependencyUnavailable("SLURM", e.getMessage());
    }
  }

  private static Optional<JobStatus> find(JobId id, List<JobStatus> jobs) {
    return jobs.stream().filter(j -> j.id().equals(id)).findFirst();
  }

  private RuntimeException failure(String tool, CommandResult result) {
    if (UNREACHABLE.matcher(result.output()).find()) {
      return unavailable(tool, result);
    }
    return new SlurmRejected(tool + " failed (exit " + result.exitCode() + "): " + result.output());
  }

  private DependencyUnavailable unavailable(String tool, CommandResult result) {
    String detail = tool + " failed (exit " + result.exitCode() + "): " + result.output();
    if (UNREACHABLE.matcher(result.output()).find()) {
      controller.unreachable(detail);
    }
    return new DependencyUnavailable("SLURM", detail);
  }
}

package io.argus.session.control;

import io.argus.security.entity.Role;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import io.argus.platform.control.DependencyUnavailable;
import io.argus.platform.control.InvalidParameter;
import io.argus.platform.control.ProblemException;
import io.argus.platform.control.ResourceNotFound;
import io.argus.platform.control.Rfc3339;
import io.argus.platform.control.StateConflict;
import io.argus.session.entity.Artifact;
import io.argus.session.entity.Collection;
import io.argus.session.entity.CollectionOutcome;
import io.argus.session.entity.LauncherKind;
import io.argus.session.entity.MonitoringSession;
import io.argus.session.entity.NewSession;
import io.argus.session.entity.PrometheusJob;
import io.argus.session.entity.RangeSeries;
import io.argus.session.entity.ScrapeClient;
import io.argus.session.entity.ScrapeService;
import io.argus.session.entity.ScrapeTarget;
import io.argus.session.entity.SessionClient;
import io.argus.session.entity.SessionLayout;
import io.argus.session.entity.SessionService;
import io.argus.session.entity.SessionState;
import io.argus.session.entity.SessionStatus;
import io.argus.session.entity.TelemetryImport;
import io.argus.session.entity.TimeWindow;
import io.argus.slurm.entity.JobId;
import io.argus.slurm.entity.JobStatus;
import io.argus.slurm.entity.TimeLimit;
import io.argus.telemetry.control.SampleWriter;
import io.argus.telemetry.control.TelemetryIngest;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The monitoring-session use cases: create, start, follow, stop and delete a session's
 * Prometheus, register what it scrapes, and collect windows of its data into artifacts. Runs
 * outside transactions, because starting and collecting wait on SLURM and Prometheus; every state
 * change is one short transaction of {@link SessionRepository}.
 */
@Stateless
@DeclareRoles({Role.READER_NAME, Role.OPERATOR_NAME, Role.ADMIN_NAME})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Sessions {

  private static final Logger LOG = Logger.getLogger(Sessions.class.getName());
  private static final Duration POLL = Duration.ofMillis(100);
  /** Series longer than this are refused rather than written into files of many gigabytes. */
  static final long MAX_POINTS_PER_SERIES = 200_000;

  @Inject
  SessionConfiguration config;

  @Inject
  SessionRepository repository;

  @Inject
  TelemetryIngest telemetry;

  // ---------------------------------------------------------------- create, read

  @RolesAllowed(Role.OPERATOR_NAME)
  public MonitoringSession create(NewSession request) {
    String id = request.runId().orElseGet(() -> "mon-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
    SessionLayout layout = new SessionLayout(id, settings().workdir(id));
    MonitoringSession session = repository.create(new MonitoringSession(
        id, request.scrapeInterval().text(), request.retentionHours().orElse(null), request.promHost(),
        request.prometheusPort(), layout.workingDirectory(), Rfc3339.nowUtc()));
    try {
      Files.createDirectories(layout.workingDirectory());
      TargetFiles.write(layout.configFile(), PrometheusConfigRenderer.render(layout, request.scrapeInterval()));
      new TargetFiles(layout).prepare();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the session directory " + layout.workingDirectory(), e);
    }
    return session;
  }

  public MonitoringSession get(String id) {
    return repository.find(id);
  }

  public List<MonitoringSession> list(Optional<SessionStatus> status, int limit) {
    return repository.list(status, limit);
  }

  public long count(Optional<SessionStatus> status) {
    return repository.count(status);
  }

  /** The sessions whose job may be running. */
  public List<MonitoringSession> active() {
    return repository.active();
  }

  /** The session, its job as the launcher sees it now, and whether Prometheus answers. */
  public SessionState state(String id) {
    MonitoringSession session = reconcile(repository.find(id));
    Optional<JobStatus> job = Optional.empty();
    Optional<String> error = Optional.empty();
    if (session.jobId().isPresent() && session.launcher().isPresent()) {
      try {
        job = config.launcher(session.launcher().get()).status(new JobId(session.jobId().get()));
      } catch (ProblemException e) {
        error = Optional.of(e.detail());
      }
    }
    boolean ready = session.status() == SessionStatus.RUNNING && config.prometheus().ready(session.prometheusUrl());
    return new SessionState(session, job, error, ready);
  }

  // ---------------------------------------------------------------- start

  /**
   * Submits the session's Prometheus and waits until the job runs and Prometheus answers
   * {@code /-/ready}.
   *
   * @throws StateConflict when the session is starting or running already, or its port is taken
   * @throws io.argus.slurm.control.SlurmRejected when sbatch refuses the job (the session is FAILED)
   * @throws io.argus.slurm.control.SlurmUnreachable when SLURM is known to be down; the session is unchanged
   * @throws DependencyUnavailable when SLURM does not answer or Prometheus does not become ready
   */
  @RolesAllowed(Role.OPERATOR_NAME)
  public MonitoringSession start(String id, Optional<String> partition, TimeLimit timeLimit) {
    Launcher launcher = config.launcher();
    repository.find(id); // an unknown session is a 404 whether SLURM answers or not
    // refused before the session turns STARTING, so that it does not end FAILED for SLURM's absence
    launcher.requireReachable();
    Optional<String> part = launcher.kind() == LauncherKind.SLURM ? partition.or(settings()::defaultPartition) : Optional.empty();
    MonitoringSession session = repository.beginStart(id, launcher.kind(), part, timeLimit.toSlurm());
    SessionLayout layout = session.layout();
    JobId job;
    try {
      prepareFiles(session);
      job = launcher.launch(new PrometheusJob(
          layout, "argus-" + id, listenHost(launcher), session.prometheusPort(), part, timeLimit,
          session.retentionHours().map(Duration::ofHours), settings().prometheusBinary()));
    } catch (ProblemException e) {
      fail(id, e.detail());
      throw e;
    } catch (RuntimeException e) {
      fail(id, "could not submit: " + e.getMessage());
      throw e;
    }
    repository.submitted(id, job.value());
    LOG.info(() -> "Session " + id + ": submitted job " + job + " (" + launcher.kind().key() + ")");
    return awaitRunning(session, launcher, job);
  }

  private MonitoringSession awaitRunning(MonitoringSession session, Launcher launcher, JobId job) {
    String id = session.id();
    Instant deadline = Instant.now().plus(settings().readyTimeout());
    Optional<JobStatus> last = Optional.empty();
    while (Instant.now().isBefore(deadline)) {
      last = launcher.status(job);
      if (last.isPresent() && last.get().state().terminal()) {
        Optional<String> logLine = JobLogs.lastError(launcher.logFiles(session.layout(), job));
        String reason = JobOutcome.of(last.get(), logLine).reason();
        fail(id, reason);
        if (logLine.filter(l -> l.contains("address already in use")).isPresent()) {
          throw new StateConflict("Port " + session.prometheusPort() + " is already in use on "
              + last.get().nodeList().orElse("the node") + "; the session is FAILED: " + reason);
        }
        throw new DependencyUnavailable("Prometheus", "Prometheus did not start; the session is FAILED: " + reason);
      }
      if (last.isPresent() && last.get().running()) {
        String url = prometheusUrl(session, launcher, last.get());
        if (config.prometheus().ready(url)) {
          if (!repository.running(id, last.get().nodeList().map(Sessions::firstNode).orElse(session.promHost()), url)) {
            throw new StateConflict("Session '" + id + "' was stopped while it started");
          }
          LOG.info(() -> "Session " + id + ": RUNNING, Prometheus ready at " + url);
          return repository.find(id);
        }
      }
      if (repository.find(id).status() != SessionStatus.STARTING) {
        throw new StateConflict("Session '" + id + "' was stopped while it started");
      }
      sleep(POLL);
    }
    String state = last.map(s -> s.state() + s.reason().map(r -> " (" + r + ")").orElse("")).orElse("unknown to the launcher");
    String reason = "Prometheus was not ready within " + settings().readyTimeout().toSeconds() + " s; job " + job + " was " + state
        + JobLogs.lastError(launcher.logFiles(session.layout(), job)).map(l -> ": " + l).orElse("");
    try {
      launcher.cancel(job);
    } catch (ProblemException e) {
      LOG.warning(() -> "Session " + id + ": could not cancel job " + job + " after the start timed out: " + e.detail());
    }
    fail(id, reason);
    throw new DependencyUnavailable("Prometheus", reason + "; the job was cancelled and the session is FAILED");
  }

  private void prepareFiles(MonitoringSession session) {
    SessionLayout layout = session.layout();
    try {
      Files.createDirectories(layout.workingDirectory());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + layout.workingDirectory(), e);
    }
    TargetFiles.write(layout.configFile(), PrometheusConfigRenderer.render(
        layout, SessionValidator.scrapeInterval("scrape_interval", session.scrapeInterval())));
    TargetFiles targets = new TargetFiles(layout);
    targets.prepare();
    for (SessionClient c : repository.clients(session.id())) {
      targets.register(SessionValidator.client(c.clientId(), c.node(), c.exporters(), c.preferences()));
    }
    for (SessionService v : repository.services(session.id())) {
      targets.register(SessionValidator.service(v.clientId(), v.name(), v.endpoint(), v.labels()));
    }
  }

  private String listenHost(Launcher launcher) {
    return settings().listenHost().orElse(launcher.kind() == LauncherKind.SLURM ? "0.0.0.0" : "127.0.0.1");
  }

  /** Where Prometheus answers: the node SLURM put the job on, or the session's host when local. */
  private static String prometheusUrl(MonitoringSession session, Launcher launcher, JobStatus job) {
    String host = launcher.kind() == LauncherKind.SLURM
        ? job.nodeList().map(Sessions::firstNode).orElse(session.promHost())
        : session.promHost();
    return MonitoringSession.url(host, session.prometheusPort());
  }

  /** A one-node job's node list is a plain name; a bracketed range is cut to its first name. */
  static String firstNode(String nodeList) {
    String first = nodeList.split(",")[0];
    int bracket = first.indexOf('[');
    if (bracket < 0) {
      return first;
    }
    String range = first.substring(bracket + 1).replace("]", "");
    return first.substring(0, bracket) + range.split("[-,]")[0];
  }

  private void fail(String id, String reason) {
    repository.end(id, EnumSet.of(SessionStatus.STARTING), SessionStatus.FAILED, reason);
    LOG.info(() -> "Session " + id + ": FAILED: " + reason);
  }

  // ---------------------------------------------------------------- stop, delete

  /**
   * Cancels the session's job and waits until the launcher no longer lists it (SLURM: squeue).
   *
   * @return what happened, for the caller
   * @throws StateConflict when the session is not starting or running
   */
  @RolesAllowed(Role.OPERATOR_NAME)
  public String stop(String id) {
    MonitoringSession session = repository.find(id);
    if (!session.status().active()) {
      throw new StateConflict("Session '" + id + "' is " + session.status() + "; only a STARTING or RUNNING session can be stopped");
    }
    String message = cancelAndWait(session);
    // the reconciler may see the job our scancel ended before we do, and call it cancelled outside Argus
    repository.end(id, EnumSet.of(SessionStatus.STARTING, SessionStatus.RUNNING, SessionStatus.CANCELLED), SessionStatus.STOPPED,
        "stopped through the API");
    if (!settings().keepData()) {
      deleteTree(session.layout().dataDirectory());
    }
    LOG.info(() -> "Session " + id + ": STOPPED; " + message);
    return message;
  }

  private String cancelAndWait(MonitoringSession session) {
    if (session.jobId().isEmpty() || session.launcher().isEmpty()) {
      return "no job had been submitted";
    }
    Launcher launcher = config.launcher(session.launcher().get());
    JobId job = new JobId(session.jobId().get());
    launcher.cancel(job);
    Instant deadline = Instant.now().plus(settings().stopTimeout());
    boolean slurm = launcher.kind() == LauncherKind.SLURM;
    while (launcher.listed(job)) {
      if (!Instant.now().isBefore(deadline)) {
        throw new DependencyUnavailable(slurm ? "SLURM" : "Prometheus", "job " + job + " is still "
            + (slurm ? "listed by squeue " : "running ") + settings().stopTimeout().toSeconds() + " s after it was cancelled");
      }
      sleep(POLL);
    }
    return slurm ? "SLURM job " + job + " cancelled; squeue no longer lists it" : "Prometheus process " + job + " stopped";
  }

  /** Stops the session if it runs, then forgets it; collected artifacts stay where they are. */
  @RolesAllowed(Role.OPERATOR_NAME)
  public String delete(String id) {
    MonitoringSession session = repository.find(id);
    String stopped = "";
    if (session.status().active()) {
      stopped = cancelAndWait(session) + "; ";
    }
    repository.delete(id);
    Path workdir = session.workdir();
    if (inside(settings().root(), workdir)) {
      deleteTree(workdir);
    }
    return stopped + "session '" + id + "' deleted; collected artifacts are kept";
  }

  // ---------------------------------------------------------------- follow

  /**
   * Brings a STARTING or RUNNING session in line with its job: an ended job ends the session with
   * SLURM's reason. A STARTING session is left to its start call unless that call is long gone.
   */
  public MonitoringSession reconcile(MonitoringSession session) {
    if (!session.status().active()) {
      return session;
    }
    boolean staleStart = session.status() == SessionStatus.STARTING
        && session.updatedAt().toInstant().isBefore(Instant.now().minus(settings().readyTimeout().multipliedBy(2)));
    if (session.jobId().isEmpty() || session.launcher().isEmpty()) {
      if (staleStart) {
        repository.end(session.id(), EnumSet.of(SessionStatus.STARTING), SessionStatus.FAILED, "start was interrupted before submission");
        return repository.find(session.id());
      }
      return session;
    }
    Launcher launcher = config.launcher(session.launcher().get());
    JobId job = new JobId(session.jobId().get());
    Optional<JobStatus> status;
    try {
      status = launcher.status(job);
    } catch (ProblemException e) {
      LOG.fine(() -> "Session " + session.id() + ": cannot read job " + job + ": " + e.detail());
      return session;
    }
    EnumSet<SessionStatus> from = staleStart ? EnumSet.of(SessionStatus.STARTING, SessionStatus.RUNNING) : EnumSet.of(SessionStatus.RUNNING);
    if (status.isEmpty()) {
      end(session, from, JobOutcome.lost(job.value()));
    } else if (status.get().state().terminal()) {
      end(session, from, JobOutcome.of(status.get(), JobLogs.lastError(launcher.logFiles(session.layout(), job))));
    } else if (staleStart && status.get().running()) {
      String url = prometheusUrl(session, launcher, status.get());
      if (config.prometheus().ready(url)) {
        repository.running(session.id(), status.get().nodeList().map(Sessions::firstNode).orElse(session.promHost()), url);
      }
    }
    return repository.find(session.id());
  }

  private void end(MonitoringSession session, EnumSet<SessionStatus> from, JobOutcome outcome) {
    if (repository.end(session.id(), from, outcome.status(), outcome.reason())) {
      LOG.info(() -> "Session " + session.id() + ": " + outcome.status() + ": " + outcome.reason());
    }
  }

  /** Takes up the jobs of sessions an earlier run left running, then reconciles them. */
  public void reattachAll() {
    for (MonitoringSession s : repository.active()) {
      if (s.jobId().isPresent() && s.launcher().isPresent()) {
        JobId job = new JobId(s.jobId().get());
        Optional<Instant> deadline = s.startedAt().flatMap(started -> s.timeLimit().map(t -> SessionValidator.timeLimit("time_limit", t))
            .filter(TimeLimit.Bounded.class::isInstance)
            .map(t -> started.toInstant().plus(((TimeLimit.Bounded) t).duration())));
        config.launcher(s.launcher().get()).reattach(job, s.layout(), deadline);
        MonitoringSession now = reconcile(s);
        LOG.info(() -> "Re-attached to session " + s.id() + " (" + s.launcher().get().key() + " job " + job + "): " + now.status());
      }
    }
  }

  // ---------------------------------------------------------------- registration

  /** Stores the client (replacing one of the same id) and rewrites its target files. */
  @RolesAllowed(Role.OPERATOR_NAME)
  public SessionClient registerClient(String sessionId, ScrapeClient client, Map<String, String> exporters, Map<String, Boolean> preferences) {
    SessionClient stored = repository.upsertClient(sessionId, client.clientId(), client.node(), exporters, preferences);
    new TargetFiles(repository.find(sessionId).layout()).register(client);
    return stored;
  }

  public List<SessionClient> clients(String sessionId) {
    repository.find(sessionId);
    return repository.clients(sessionId);
  }

  /** Removes the client, its services, and their target files. */
  @RolesAllowed(Role.OPERATOR_NAME)
  public void removeClient(String sessionId, String clientId) {
    SessionLayout layout = repository.find(sessionId).layout();
    List<SessionService> services = repository.removeClient(sessionId, clientId);
    TargetFiles files = new TargetFiles(layout);
    files.unregisterClient(clientId);
    services.forEach(v -> files.unregisterService(v.clientId(), v.name()));
  }

  @RolesAllowed(Role.OPERATOR_NAME)
  public SessionService registerService(String sessionId, ScrapeService service, String endpoint) {
    SessionService stored = repository.upsertService(sessionId, service.clientId(), service.name(), endpoint, service.labels());
    new TargetFiles(repository.find(sessionId).layout()).register(service);
    return stored;
  }

  public List<SessionService> services(String sessionId) {
    repository.find(sessionId);
    return repository.services(sessionId);
  }

  @RolesAllowed(Role.OPERATOR_NAME)
  public void removeService(String sessionId, String clientId, String name) {
    SessionLayout layout = repository.find(sessionId).layout();
    repository.removeService(sessionId, clientId, name);
    new TargetFiles(layout).unregisterService(clientId, name);
  }

  /** The active targets of the session's Prometheus. */
  public List<ScrapeTarget> targets(String sessionId) {
    MonitoringSession session = running(sessionId, "list targets");
    return config.prometheus().targets(session.prometheusUrl()).stream()
        .filter(t -> sessionId.equals(t.labels().getOrDefault("session", sessionId)))
        .toList();
  }

  // ---------------------------------------------------------------- collect

  /**
   * Reads every series of the session over the window and writes the artifacts into
   * {@code outDir}, which must resolve inside the artifact root; with {@code importTelemetry} the
   * GPU series are also stored in the telemetry store (in one transaction, replacing what an
   * earlier import of the same window stored) before the manifest is written.
   *
   * @throws InvalidParameter for an out_dir outside the root or a step too fine for the window
   * @throws StateConflict when the session is not RUNNING
   * @throws DependencyUnavailable when Prometheus does not answer, or the telemetry store does not
   *     take the import (the artifacts are written then, and the manifest says the import failed)
   */
  @RolesAllowed(Role.OPERATOR_NAME)
  public CollectionOutcome collect(String sessionId, TimeWindow window, String outDir, String runId, Optional<Duration> requestedStep,
      boolean importTelemetry) {
    Path root = artifactRoot();
    Path out = SessionValidator.outDir("out_dir", root, outDir);
    MonitoringSession session = running(sessionId, "collect");
    Duration step = requestedStep.orElseGet(() -> SessionValidator.scrapeInterval("scrape_interval", session.scrapeInterval()).duration());
    long points = window.length().toMillis() / Math.max(1, step.toMillis()) + 1;
    if (points > MAX_POINTS_PER_SERIES) {
      throw new InvalidParameter("step", "the window holds " + points + " steps of " + step.toMillis() + " ms per series; at most "
          + MAX_POINTS_PER_SERIES + " are written, so choose a larger step or a shorter window");
    }
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new InvalidParameter("out_dir", "out_dir " + out + " cannot be created: " + e.getMessage());
    }
    if (!inside(root, out)) {
      throw new InvalidParameter("out_dir", "out_dir must be inside the artifact root " + root);
    }
    PrometheusClient prometheus = config.prometheus();
    long started = System.nanoTime();
    List<RangeSeries> series = new WindowCollector(prometheus, settings().queryConcurrency())
        .collect(session.prometheusUrl(), sessionId, window, step);
    var summary = new CompatibilitySummary(prometheus).compute(session.prometheusUrl(), sessionId, window, step);
    var collected = new ArtifactWriter.Collected(sessionId, runId, window, step, series, summary, Instant.now());
    Written written = writeArtifacts(out, collected,
        importTelemetry ? Optional.of(() -> importGpuSeries(series, window)) : Optional.empty());
    Optional<DependencyUnavailable> importFailure = written.importFailure();
    Collection saved;
    try {
      saved = repository.saveCollection(new Collection(sessionId, runId, Rfc3339.utc(window.start()), Rfc3339.utc(window.end()),
          step, out, series.size(), collected.rows(), written.artifacts(), Rfc3339.nowUtc()));
    } catch (RuntimeException e) {
      if (importFailure.isPresent()) {
        throw new DependencyUnavailable("Database", "The artifacts were written into " + out + ", but the collection could not be"
            + " recorded and nothing was imported into the telemetry store: " + importFailure.get().detail());
      }
      throw e;
    }
    LOG.info(() -> "Session " + sessionId + ": collected " + series.size() + " series, " + collected.rows() + " rows into " + out
        + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    if (importFailure.isPresent()) {
      throw new DependencyUnavailable("Telemetry store", "The artifacts were written into " + out + " (collection " + saved.id()
          + "; its MANIFEST.json says the import failed), but nothing was imported into the telemetry store: "
          + importFailure.get().detail() + "; collecting the same window again with import=true imports it once");
    }
    return new CollectionOutcome(saved, written.imported());
  }

  /** The files of a collect, and what became of its import when one was asked for. */
  record Written(List<Artifact> artifacts, Optional<TelemetryImport> imported, Optional<DependencyUnavailable> importFailure) {}

  /**
   * Writes the data files, then runs {@code importer} when there is one, then the manifest saying
   * what the import did: a store that refuses the import leaves the files written and said so.
   */
  static Written writeArtifacts(Path out, ArtifactWriter.Collected collected, Optional<Supplier<TelemetryImport>> importer) {
    List<Artifact> artifacts = new ArrayList<>(ArtifactWriter.writeData(out, collected));
    Optional<TelemetryImport> imported = Optional.empty();
    Optional<DependencyUnavailable> failure = Optional.empty();
    Optional<ArtifactWriter.Import> manifested = Optional.empty();
    if (importer.isPresent()) {
      try {
        imported = Optional.of(importer.get().get());
        manifested = Optional.of(new ArtifactWriter.Import.Done(imported.get()));
      } catch (DependencyUnavailable e) {
        failure = Optional.of(e);
        manifested = Optional.of(new ArtifactWriter.Import.Failed(e.detail()));
      }
    }
    artifacts.add(ArtifactWriter.writeManifest(out, collected, artifacts, manifested));
    return new Written(List.copyOf(artifacts), imported, failure);
  }

  /** Stores the GPU series in one transaction; an earlier import of the same series and span is replaced, not doubled. */
  private TelemetryImport importGpuSeries(List<RangeSeries> series, TimeWindow window) {
    GpuSeriesImport.Prepared prepared = GpuSeriesImport.prepare(series, telemetry.normaliser(), window.end());
    SampleWriter.Result result = telemetry.replace(prepared.batch());
    return new TelemetryImport(prepared.seriesImported(), result.written(), prepared.seriesSkipped(), result.replaced());
  }

  public List<Collection> collections(String sessionId) {
    repository.find(sessionId);
    return repository.collections(sessionId);
  }

  public Collection collection(String sessionId, long collectionId) {
    return repository.collection(sessionId, collectionId);
  }

  /**
   * One artifact of a collection, only if its file is still a regular file inside the artifact
   * root after symbolic links are resolved.
   */
  public Artifact artifact(String sessionId, long collectionId, String name) {
    Artifact a = repository.collection(sessionId, collectionId).artifact(name).orElseThrow(() ->
        new ResourceNotFound("name", "Collection " + collectionId + " has no artifact '" + name + "'"));
    Path file = a.path();
    if (!Files.isRegularFile(file) || !inside(artifactRoot(), file)) {
      throw new ResourceNotFound("name", "The file of artifact '" + name + "' is no longer in the artifact root");
    }
    return a;
  }

  // ---------------------------------------------------------------- helpers

  private MonitoringSession running(String sessionId, String what) {
    MonitoringSession session = reconcile(repository.find(sessionId));
    if (session.status() != SessionStatus.RUNNING) {
      throw new StateConflict("Session '" + sessionId + "' is " + session.status() + "; " + what + " needs a RUNNING session");
    }
    return session;
  }

  private SessionSettings settings() {
    return config.settings();
  }

  private Path artifactRoot() {
    Path root = settings().artifactRoot();
    try {
      Files.createDirectories(root);
      return root.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the artifact root " + root, e);
    }
  }

  /** Whether {@code path}, with symbolic links resolved as far as it exists, lies inside {@code root}. */
  static boolean inside(Path root, Path path) {
    try {
      Path realRoot = root.toRealPath();
      Path existing = path.toAbsolutePath().normalize();
      Path rest = existing.relativize(existing);
      while (existing != null && !Files.exists(existing)) {
        rest = existing.getFileName().resolve(rest);
        existing = existing.getParent();
      }
      if (existing == null) {
        return false;
      }
      return existing.toRealPath().resolve(rest).normalize().startsWith(realRoot);
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      LOG.warning(() -> "Could not delete " + dir + ": " + e.getMessage());
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DependencyUnavailable("Prometheus", "interrupted while waiting");
    }
  }
}

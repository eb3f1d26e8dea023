package io.argus.session.boundary;

import io.argus.platform.boundary.Problem;
import io.argus.platform.control.InvalidParameter;
import io.argus.security.boundary.Audited;
import io.argus.security.boundary.Callers;
import io.argus.security.entity.Role;
import io.argus.session.control.SessionValidator;
import io.argus.session.control.Sessions;
import io.argus.session.entity.Artifact;
import io.argus.session.entity.MonitoringSession;
import io.argus.session.entity.NewSession;
import io.argus.session.entity.SessionState;
import io.argus.session.entity.SessionStatus;
import io.argus.slurm.entity.JobStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Monitoring sessions: a Prometheus per session, started as a SLURM job (or a local process),
 * stopped, followed and collected from. The contract's operations keep its field names.
 */
@ApplicationScoped
@Path("v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions")
@RolesAllowed(Role.READER_NAME)
public class SessionsResource {

  private static final int MAX_LIMIT = 1000;
  private static final String SLURM_KNOWN_DOWN = "SLURM is known to be down (refused at once, with Retry-After; the session is unchanged)";
  private static final String RETRY_AFTER = "Seconds until SLURM is asked again, when it is known to be down";

  @Inject
  Sessions sessions;

  @RolesAllowed(Role.OPERATOR_NAME)
  @Audited("session.create")
  @POST
  @Operation(operationId = "create_session_api_v1_sessions_post", summary = "Create a new monitoring session",
      description = "Creates the session's working directory and prometheus.yml. The session id is run_id when given, else mon-<8 hex>.")
  @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionCreateRequest.class)))
  @APIResponse(responseCode = "200", description = "Created",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionCreateResponse.class)))
  @APIResponse(responseCode = "400", description = "A field is invalid (run_id not a slug, port out of range, …) or the body is not JSON",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "A session with this run_id exists",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public SessionCreateResponse create(@Valid SessionCreateRequest body, @Context HttpServletRequest httpRequest) {
    SessionCreateRequest r = body == null ? new SessionCreateRequest() : body;
    if (r.retentionHours != null && (r.retentionHours < 1 || r.retentionHours > 87_600)) {
      throw new InvalidParameter("retention_hours", "retention_hours " + r.retentionHours + " is out of range; expected 1 to 87600");
    }
    var request = new NewSession(
        Optional.ofNullable(r.runId).map(id -> SessionValidator.slug("run_id", id)),
        SessionValidator.scrapeInterval("scrape_interval", r.scrapeInterval == null ? "1s" : r.scrapeInterval),
        Optional.ofNullable(r.retentionHours),
        SessionValidator.port("prometheus_port", r.prometheusPort == null ? 9090 : r.prometheusPort),
        SessionValidator.node("prom_host", r.promHost == null ? "localhost" : r.promHost));
    MonitoringSession s = sessions.create(request);
    Callers.audit(httpRequest, "session_id", s.id());
    return new SessionCreateResponse(s.id(), s.prometheusUrl(), s.status().name(), s.workdir().toString());
  }

  @GET
  @Operation(operationId = "listSessions", summary = "List monitoring sessions", description = "Newest first, with the count of all that match.")
  @APIResponse(responseCode = "200", description = "The sessions",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionList.class)))
  @APIResponse(responseCode = "400", description = "A filter is invalid",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public SessionList list(
      @Parameter(description = "Only sessions in this status",
          schema = @Schema(enumeration = {"CREATED", "STARTING", "RUNNING", "STOPPED", "FAILED", "COMPLETED", "CANCELLED"}))
      @QueryParam("status") String status,
      @Parameter(description = "At most this many sessions", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "100", minimum = "1", maximum = "1000"))
      @QueryParam("limit") String limit) {
    Optional<SessionStatus> filter = Optional.ofNullable(status).map(SessionsResource::statusFilter);
    int max = limit(limit);
    return new SessionList(sessions.count(filter), sessions.list(filter, max).stream().map(SessionView::of).toList());
  }

  @GET
  @Path("{session_id}")
  @Operation(operationId = "getSession", summary = "One monitoring session")
  @APIResponse(responseCode = "200", description = "The session",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
  @APIResponse(responseCode = "404", description = "No such session",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public SessionView get(@Parameter(description = "Session id") @PathParam("session_id") String sessionId) {
    return SessionView.of(sessions.get(id(sessionId)));
  }

  @GET
  @Path("{session_id}/status")
  @Operation(operationId = "get_session_status_api_v1_sessions__session_id__status_get", summary = "Get monitoring session status",
      description = "The session's status, its job as the launcher sees it now, and whether Prometheus answers /-/ready."
          + " An ended job ends the session here already, with SLURM's reason.")
  @APIResponse(responseCode = "200", description = "The status",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionStatusResponse.class)))
  @APIResponse(responseCode = "404", description = "No such session",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public SessionStatusResponse status(@Parameter(description = "Session id") @PathParam("session_id") String sessionId) {
    SessionState state = sessions.state(id(sessionId));
    MonitoringSession s = state.session();
    JobView job = s.jobId().isEmpty() ? new JobView(null, null, null, null, null, null, null, null, null) : jobView(s, state);
    return new SessionStatusResponse(s.status().name(), job, state.prometheusReady(), s.statusReason().orElse(null), s.prometheusUrl());
  }

  private static JobView jobView(MonitoringSession s, SessionState state) {
    String launcher = s.launcher().map(l -> l.key()).orElse(null);
    if (state.job().isEmpty()) {
      return new JobView(s.jobId().get(), state.jobError().isPresent() ? "UNKNOWN" : "GONE", s.node().orElse(null),
          s.partition().orElse(null), s.timeLimit().orElse(null), null, null, launcher, state.jobError().orElse(null));
    }
    JobStatus j = state.job().get();
    return new JobView(j.id().value(), j.state().name(), j.nodeList().orElse(s.node().orElse(null)),
        j.partition().orElse(s.partition().orElse(null)), j.timeLimit().orElse(s.timeLimit().orElse(null)), j.reason().orElse(null),
        j.exitCode().orElse(null), launcher, null);
  }

  @RolesAllowed(Role.OPERATOR_NAME)
  @Audited("session.start")
  @POST
  @Path("{session_id}/start")
  @Operation(operationId = "start_session_api_v1_sessions__session_id__start_post", summary = "Start a monitoring session",
      description = "Submits Prometheus as a SLURM batch job (or starts it locally) and waits until the job runs and Prometheus"
          + " answers /-/ready (argus.session.ready-timeout). A session that fails to start is FAILED with SLURM's reason.")
  @RequestBody(required = false,
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionStartRequest.class)))
  @APIResponse(responseCode = "200", description = "RUNNING, Prometheus ready",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionStartResponse.class)))
  @APIResponse(responseCode = "400", description = "partition or time_limit is invalid",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such session",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "The session is STARTING or RUNNING already (the detail names its job and URL),"
      + " or its port is taken", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "422", description = "sbatch refused the job (unknown partition, time limit above the partition's); the session is FAILED",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "503", description = SLURM_KNOWN_DOWN + ", or SLURM does not answer, or Prometheus did not become ready (the session is FAILED)",
      headers = @Header(name = "Retry-After", description = RETRY_AFTER),
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public SessionStartResponse start(@Parameter(description = "Session id") @PathParam("session_id") String sessionId, @Valid SessionStartRequest body) {
    SessionStartRequest r = body == null ? new SessionStartRequest() : body;
    String id = id(sessionId);
    Optional<String> partition = Optional.ofNullable(r.partition).map(p -> SessionValidator.partition("partition", p));
    var limit = SessionValidator.timeLimit("time_limit", r.timeLimit == null ? "04:00:00" : r.timeLimit);
    MonitoringSession s = sessions.start(id, partition, limit);
    return new SessionStartResponse(s.status().name(), Map.of("prometheus", s.jobId().orElse("")), s.prometheusUrl(), s.id(),
        s.node().orElse(null), s.launcher().map(l -> l.key()).orElse(null));
  }

  @RolesAllowed(Role.OPERATOR_NAME)
  @Audited("session.stop")
  @POST
  @Path("{session_id}/stop")
  @Operation(operationId = "stop_session_api_v1_sessions__session_id__stop_post", summary = "Stop a monitoring session",
      description = "Cancels the job (scancel) and waits until squeue no longer lists it. Prometheus's data is deleted unless argus.session.keep-data is set.")
  @APIResponse(responseCode = "200", description = "Stopped",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OutcomeResponse.class)))
  @APIResponse(responseCode = "404", description = "No such session",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "The session is not STARTING or RUNNING",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "503", description = SLURM_KNOWN_DOWN + ", SLURM does not answer, or the job did not end in time",
      headers = @Header(name = "Retry-After", description = RETRY_AFTER),
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public OutcomeResponse stop(@Parameter(description = "Session id") @PathParam("session_id") String sessionId) {
    return new OutcomeResponse(true, sessions.stop(id(sessionId)));
  }

  @RolesAllowed(Role.OPERATOR_NAME)
  @Audited("session.delete")
  @DELETE
  @Path("{session_id}")
  @Operation(operationId = "delete_session_api_v1_sessions__session_id__delete", summary = "Delete a monitoring session",
      description = "Stops the session's job if it runs, then forgets the session and deletes its working directory. Collected artifacts are kept.")
  @APIResponse(responseCode = "200", description = "Deleted",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OutcomeResponse.class)))
  @APIResponse(responseCode = "404", description = "No such session",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "503", description = SLURM_KNOWN_DOWN + ", or does not answer",
      headers = @Header(name = "Retry-After", description = RETRY_AFTER),
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public OutcomeResponse delete(@Parameter(description = "Session id") @PathParam("session_id") String sessionId) {
    return new OutcomeResponse(true, sessions.delete(id(sessionId)));
  }

  @RolesAllowed(Role.OPERATOR_NAME)
  @Audited("session.collect")
  @POST
  @Path("{session_id}/collect")
  @Operation(operationId = "collect_metrics_api_v1_sessions__session_id__collect_post", summary = "Collect metrics for a time window",
      description = "Lists the session's series (/api/v1/series on the session label), runs query_range for each over the window"
          + " (step from the request, else the scrape interval) and writes into out_dir metrics.csv (long format), metrics.json,"
          + " metrics_summary.csv (the original summary row) and MANIFEST.json (window, row counts, sizes, sha256). With import=true"
          + " the GPU series among them (dcgm-exporter and nvidia_gpu_exporter families, mapped by the metric dictionary as a scrape"
          + " would be) are also stored in the telemetry store with their timestamps, in one transaction that replaces what an earlier"
          + " import stored for the same series and span; the answer and MANIFEST.json carry the counts under import.")
  @RequestBody(required = true,
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionRequest.class)))
  @APIResponse(responseCode = "200", description = "Written",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionResponse.class)))
  @APIResponse(responseCode = "400", description = "Window start not before its end, out_dir outside the artifact root, a bad step or run_id",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such session",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "The session is not RUNNING",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "503", description = "Prometheus does not answer, or (import=true) the telemetry store did not take the"
      + " import: then the artifacts are written, MANIFEST.json says the import failed, and nothing of it is stored",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public CollectionResponse collect(@Parameter(description = "Session id") @PathParam("session_id") String sessionId, @Valid CollectionRequest body) {
    if (body == null) {
      throw new InvalidParameter("body", "The body must be a JSON object with window_start, window_end and out_dir");
    }
    String id = id(sessionId);
    var window = SessionValidator.window("window_start", body.windowStart, "window_end", body.windowEnd);
    if (body.outDir == null || body.outDir.isEmpty()) {
      throw new InvalidParameter("out_dir", "out_dir is required");
    }
    String runId = SessionValidator.slug("run_id", body.runId == null ? "run" : body.runId);
    Optional<Duration> step = Optional.ofNullable(body.step).map(st -> SessionValidator.scrapeInterval("step", st).duration());
    return CollectionResponse.of(sessions.collect(id, window, body.outDir, runId, step, body.importTelemetry));
  }

  @GET
  @Path("{session_id}/clients")
  @Operation(operationId = "listSessionClients", summary = "The session's registered clients")
  @APIResponse(responseCode = "200", description = "The clients, by client id",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ClientView.class)))
  @APIResponse(responseCode = "404", description = "No such session",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public List<ClientView> clients(@Parameter(description = "Session id") @PathParam("session_id") String sessionId) {
    return sessions.clients(id(sessionId)).stream().map(ClientView::of).toList();
  }

  @RolesAllowed(Role.OPERATOR_NAME)
  @Audited("client.remove")
  @DELETE
  @Path("{session_id}/clients/{client_id}")
  @Operation(operationId = "removeSessionClient", summary = "Remove a client",
      description = "Removes the client, its services and their target files; Prometheus drops the targets without a restart.")
  @APIResponse(responseCode = "200", description = "Removed",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OutcomeResponse.class)))
  @APIResponse(responseCode = "404", description = "No such session or client",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public OutcomeResponse removeClient(
      @Parameter(description = "Session id") @PathParam("session_id") String sessionId,
      @Parameter(description = "Client id") @PathParam("client_id") String clientId) {
    String id = id(sessionId);
    String client = SessionValidator.slug("client_id", clientId);
    sessions.removeClient(id, client);
    return new OutcomeResponse(true, "client '" + client + "' and its services removed");
  }

  @GET
  @Path("{session_id}/services")
  @Operation(operationId = "listSessionServices", summary = "The session's registered services")
  @APIResponse(responseCode = "200", description = "The services, by client id and name",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ServiceView.class)))
  @APIResponse(responseCode = "404", description = "No such session",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public List<ServiceView> services(@Parameter(description = "Session id") @PathParam("session_id") String sessionId) {
    return sessions.services(id(sessionId)).stream().map(ServiceView::of).toList();
  }

  @RolesAllowed(Role.OPERATOR_NAME)
  @Audited("service.remove")
  @DELETE
  @Path("{session_id}/services/{client_id}/{name}")
  @Operation(operationId = "removeSessionService", summary = "Remove a service",
      description = "Removes the service and its target file; Prometheus drops the target without a restart.")
  @APIResponse(responseCode = "200", description = "Removed",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OutcomeResponse.class)))
  @APIResponse(responseCode = "404", description = "No such session or service",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public OutcomeResponse removeService(
      @Parameter(description = "Session id") @PathParam("session_id") String sessionId,
      @Parameter(description = "Client id") @PathParam("client_id") String clientId,
      @Parameter(description = "Service name") @PathParam("name") String name) {
    String id = id(sessionId);
    String client = SessionValidator.slug("client_id", clientId);
    String service = SessionValidator.slug("name", name);
    sessions.removeService(id, client, service);
    return new OutcomeResponse(true, "service '" + service + "' of client '" + client + "' removed");
  }

  @GET
  @Path("{session_id}/targets")
  @Operation(operationId = "listSessionTargets", summary = "The active targets of the session's Prometheus",
      description = "From Prometheus's /api/v1/targets: job, instance, scrape URL, health, last error and scrape.")
  @APIResponse(responseCode = "200", description = "The targets",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = TargetView.class)))
  @APIResponse(responseCode = "404", description = "No such session",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "The session is not RUNNING",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "503", description = "Prometheus does not answer",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public List<TargetView> targets(@Parameter(description = "Session id") @PathParam("session_id") String sessionId) {
    return sessions.targets(id(sessionId)).stream().map(TargetView::of).toList();
  }

  @GET
  @Path("{session_id}/collections")
  @Operation(operationId = "listSessionCollections", summary = "The session's collections", description = "Newest first.")
  @APIResponse(responseCode = "200", description = "The collections",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CollectionResponse.class)))
  @APIResponse(responseCode = "404", description = "No such session",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public List<CollectionResponse> collections(@Parameter(description = "Session id") @PathParam("session_id") String sessionId) {
    return sessions.collections(id(sessionId)).stream().map(CollectionResponse::of).toList();
  }

  @GET
  @Path("{session_id}/collections/{collection_id}")
  @Operation(operationId = "getSessionCollection", summary = "One collection of a session")
  @APIResponse(responseCode = "200", description = "The collection",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionResponse.class)))
  @APIResponse(responseCode = "400", description = "collection_id is not a number",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such session or collection",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public CollectionResponse collection(
      @Parameter(description = "Session id") @PathParam("session_id") String sessionId,
      @Parameter(description = "Collection id", schema = @Schema(type = SchemaType.INTEGER)) @PathParam("collection_id") String collectionId) {
    return CollectionResponse.of(sessions.collection(id(sessionId), collectionId(collectionId)));
  }

  @GET
  @Path("{session_id}/collections/{collection_id}/artifacts/{name}")
  @Produces({"text/csv", MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(operationId = "downloadSessionArtifact", summary = "Download one file of a collection",
      description = "By its name in the collection (csv, json, tables, manifest), never by a path; served only while the file"
          + " is still inside the artifact root.")
  @APIResponse(responseCode = "200", description = "The file", content = {
      @Content(mediaType = "text/csv", schema = @Schema(ref = "#/components/schemas/CollectionCsv")),
      @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "#/components/schemas/CollectionJson"))})
  @APIResponse(responseCode = "404", description = "No such session, collection or artifact, or the file is gone",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Response artifact(
      @Parameter(description = "Session id") @PathParam("session_id") String sessionId,
      @Parameter(description = "Collection id", schema = @Schema(type = SchemaType.INTEGER)) @PathParam("collection_id") String collectionId,
      @Parameter(description = "Artifact name", schema = @Schema(enumeration = {"csv", "json", "tables", "manifest"})) @PathParam("name") String name) {
    Artifact a = sessions.artifact(id(sessionId), collectionId(collectionId), SessionValidator.slug("name", name));
    return Response.ok(a.path().toFile(), a.mediaType())
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + a.path().getFileName() + "\"")
        .header("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(a.sha256())))
        .build();
  }

  private static String id(String sessionId) {
    return SessionValidator.slug("session_id", sessionId);
  }

  private static long collectionId(String value) {
    if (value == null || !value.matches("[0-9]{1,18}")) {
      throw new InvalidParameter("collection_id", "collection_id must be a positive number");
    }
    return Long.parseLong(value);
  }

  private static SessionStatus statusFilter(String value) {
    try {
      return SessionStatus.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameter("status", "status must be one of CREATED, STARTING, RUNNING, STOPPED, FAILED, COMPLETED, CANCELLED");
    }
  }

  private static int limit(String value) {
    if (value == null) {
      return 100;
    }
    if (!value.matches("[0-9]{1,4}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAX_LIMIT) {
      throw new InvalidParameter("limit", "limit must be a number from 1 to " + MAX_LIMIT);
    }
    return Integer.parseInt(value);
  }
}

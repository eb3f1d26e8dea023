package io.argus.telemetry.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import io.argus.security.boundary.Audited;
import io.argus.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import io.argus.platform.boundary.Problem;
import io.argus.platform.control.InvalidParameter;
import io.argus.platform.control.PayloadTooLarge;
import io.argus.telemetry.control.BatchIngest;
import io.argus.telemetry.control.TelemetryIngest;
import io.argus.telemetry.control.TelemetryStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Telemetry across every GPU (the fleet view), and batch ingest. */
@ApplicationScoped
@Path("v1/telemetry")
@Tag(name = "Telemetry")
@RolesAllowed(Role.READER_NAME)
public class TelemetryResource {

  static final String CSV = "text/csv";

  @Inject
  TelemetryStore store;

  @Inject
  TelemetryIngest ingest;

  @Inject
  @ConfigProperty(name = "argus.telemetry.ingest.max-body-bytes", defaultValue = "67108864")
  long maxBodyBytes;

  @Context
  UriInfo uri;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "getTelemetry", summary = "Telemetry of every GPU over a time window",
      description = "The same query as /api/v1/gpus/{gpu}/telemetry across all GPUs, with the same parameters.")
  @APIResponse(responseCode = "200", description = "A page of rows (format=rows) or of series (format=series)",
      headers = {
        @Header(name = "Link", description = "<url>; rel=\"next\" for the next page; with start/end also"
            + " <url>; rel=\"successor-version\" naming start_time/end_time"),
        @Header(name = "X-Next-Cursor", description = "The next page's cursor"),
        @Header(name = "Deprecation", description = "true when the deprecated start/end were used"),
        @Header(name = "ETag", description = "Entity tag of the body; send it in If-None-Match to get 304")},
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(ref = "#/components/schemas/TelemetryPage")))
  @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
  @APIResponse(responseCode = "400", description = "A malformed timestamp, end before start, a bad limit, step, agg,"
      + " format or cursor, an unknown metric_name; the problem names the parameter",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No GPU matches {gpu}",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "503", description = "The store cannot be read now",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Response query(
      @Parameter(description = "Window start, RFC 3339; default end_time minus 24 h",
          example = "2026-11-24T00:00:00Z") @QueryParam("start_time") String startTime,
      @Parameter(description = "Window end (exclusive), RFC 3339; default now", example = "2026-11-24T01:00:00Z")
      @QueryParam("end_time") String endTime,
      @Parameter(description = "Deprecated: use start_time", deprecated = true) @QueryParam("start") String start,
      @Parameter(description = "Deprecated: use end_time", deprecated = true) @QueryParam("end") String end,
      @Parameter(description = "Only these metrics (Argus names or aliases); repeat or comma-separate",
          example = "gpu_temperature_celsius") @QueryParam("metric_name") List<String> metricNames,
      @Parameter(description = "Only GPUs on this host", example = "node-a") @QueryParam("hostname") String hostname,
      @Parameter(description = "Only samples attributed to this container") @QueryParam("container") String container,
      @Parameter(description = "Only samples attributed to this pod") @QueryParam("pod") String pod,
      @Parameter(description = "Only samples attributed to this namespace") @QueryParam("namespace") String namespace,
      @Parameter(description = "Only samples attributed to this SLURM job id") @QueryParam("slurm_job") String slurmJob,
      @Parameter(description = "Page size, 1 to 100000",
          schema = @Schema(type = SchemaType.INTEGER, defaultValue = "10000")) @QueryParam("limit") String limit,
      @Parameter(description = "Position from the previous page's Link header") @QueryParam("cursor") String cursor,
      @Parameter(description = "Downsampling step: seconds, 60s, 5m, 1h, 1d or PT1M; at least 1s", example = "60s")
      @QueryParam("step") String step,
      @Parameter(description = "Aggregation per step (needs step)",
          schema = @Schema(enumeration = {"avg", "min", "max", "last", "count"}, defaultValue = "avg"))
      @QueryParam("agg") String agg,
      @Parameter(description = "rows (default) or series", schema = @Schema(enumeration = {"rows", "series"}))
      @QueryParam("format") String format) {
    TelemetryRequests.Parsed parsed = TelemetryRequests.parse(Optional.empty(), new TelemetryRequests.Raw(
        startTime, endTime, start, end, metricNames, hostname, container, pod, namespace, slurmJob, limit, cursor,
        step, agg, format), Instant.now());
    return TelemetryRequests.response(parsed, store.reader().telemetry(parsed.query()), uri);
  }

  @RolesAllowed(Role.OPERATOR_NAME)
  @Audited("telemetry.ingest")
  @POST
  @Consumes({MediaType.APPLICATION_JSON, CSV, BatchIngest.BATCH_MEDIA_TYPE})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "ingestTelemetry", summary = "Store a batch of samples",
      description = "JSON: an array of rows in the query's row shape (timestamp, metric_name, gpu_id, device, uuid,"
          + " model_name, hostname, container, pod, namespace, slurm_job, value, labels_raw as an object or as"
          + " Prometheus label text). CSV: the seed's DCGM layout with a header row (timestamp,metric_name,gpu_id,"
          + "device,uuid,modelName,Hostname,container,pod,namespace,value,labels_raw). Rows are checked one by one;"
          + " the good ones are stored in one transaction and the answer is 200 with a per-row report of the"
          + " refused ones. With an Idempotency-Key, a retry with the same body returns the first answer"
          + " (replayed=true) and stores nothing again; the same key with another body is 422. "
          + BatchIngest.BATCH_MEDIA_TYPE + ": the binary batch an Argus collector pushes (argus.telemetry.push.url).")
  @RequestBody(ref = "#/components/requestBodies/TelemetryIngest")
  @APIResponse(responseCode = "200", description = "The batch was processed; the report lists refused rows",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestReportView.class)))
  @APIResponse(responseCode = "400", description = "The body is not JSON / CSV of this shape at all, or the"
      + " Idempotency-Key is malformed",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "413", description = "The body is larger than argus.telemetry.ingest.max-body-bytes",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "415", description = "Neither application/json, text/csv nor " + BatchIngest.BATCH_MEDIA_TYPE,
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "503", description = "The database cannot take the batch now; nothing was stored",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public IngestReportView ingest(
      @Parameter(description = "Makes retries safe: 1 to 255 visible ASCII characters, unique per batch",
          example = "batch-2026-11-24-0001") @HeaderParam("Idempotency-Key") String idempotencyKey,
      @Context HttpHeaders headers,
      InputStream body) {
    // the body is read (or drained) before anything is refused: clients still sending it would see a reset otherwise
    byte[] bytes = read(body);
    Optional<String> key = Optional.ofNullable(idempotencyKey);
    if (key.isPresent() && !key.get().matches("[\\x21-\\x7e]{1,255}")) {
      throw new InvalidParameter("Idempotency-Key", "Idempotency-Key must be 1 to 255 visible ASCII characters");
    }
    if (bytes == null) {
      throw new PayloadTooLarge("The body is larger than " + maxBodyBytes + " bytes; split the batch");
    }
    MediaType type = headers.getMediaType();
    BatchIngest.Format format = type != null && type.isCompatible(MediaType.valueOf(CSV)) ? BatchIngest.Format.CSV
        : type != null && type.isCompatible(MediaType.valueOf(BatchIngest.BATCH_MEDIA_TYPE)) ? BatchIngest.Format.BATCH
        : BatchIngest.Format.JSON;
    return IngestReportView.of(ingest.ingest(format, bytes, key));
  }

  /** The body, or null when it is over the limit (the rest is drained, up to a bound, so the answer arrives). */
  private byte[] read(InputStream body) {
    try (InputStream in = body) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
      if (bytes.length > maxBodyBytes) {
        long drained = 0;
        byte[] sink = new byte[1 << 16];
        for (int n = in.read(sink); n > 0 && drained < DRAIN_LIMIT; n = in.read(sink)) {
          drained += n;
        }
        return null;
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final long DRAIN_LIMIT = 256L << 20;
}

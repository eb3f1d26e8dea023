package io.argus.telemetry.boundary;

import io.argus.platform.control.InvalidParameter;
import io.argus.telemetry.control.QueryParameters;
import io.argus.telemetry.entity.Aggregation;
import io.argus.telemetry.entity.GpuSelector;
import io.argus.telemetry.entity.TelemetryPage;
import io.argus.telemetry.entity.TelemetryQuery;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The query parameters both telemetry operations share: validation into a query, and the response headers. */
final class TelemetryRequests {

  private TelemetryRequests() {}

  /** The raw parameters as received. */
  record Raw(String startTime, String endTime, String start, String end, List<String> metricNames, String hostname,
      String container, String pod, String namespace, String slurmJob, String limit, String cursor, String step,
      String agg, String format) {}

  /** A validated request: the query, whether it used the deprecated names, and the output format. */
  record Parsed(TelemetryQuery query, boolean deprecatedNames, boolean series) {}

  static Parsed parse(Optional<GpuSelector> gpu, Raw raw, Instant now) {
    QueryParameters.Window window = QueryParameters.window(raw.startTime(), raw.endTime(), raw.start(), raw.end(), now);
    List<String> metrics = raw.metricNames() == null ? List.of() : raw.metricNames().stream()
        .flatMap(m -> List.of(m.split(",")).stream()).map(String::strip).filter(m -> !m.isEmpty()).distinct().toList();
    for (String m : metrics) {
      QueryParameters.text("metric_name", m);
    }
    if (metrics.size() > 100) {
      throw new InvalidParameter("metric_name", "at most 100 metric names");
    }
    Optional<java.time.Duration> step = QueryParameters.step("step", raw.step());
    if (raw.agg() != null && step.isEmpty()) {
      throw new InvalidParameter("agg", "agg needs step: give step (for example step=60s) to downsample");
    }
    Aggregation agg = raw.agg() == null ? Aggregation.AVG : Aggregation.parse("agg", raw.agg());
    boolean series = switch (raw.format() == null ? "rows" : raw.format()) {
      case "rows" -> false;
      case "series" -> true;
      default -> throw new InvalidParameter("format", "format must be rows or series");
    };
    if (raw.cursor() != null && raw.cursor().isEmpty()) {
      throw new InvalidParameter("cursor", "cursor is empty; leave it out for the first page");
    }
    TelemetryQuery query = new TelemetryQuery(gpu,
        QueryParameters.text("hostname", raw.hostname()),
        window.start(), window.end(), metrics,
        QueryParameters.text("container", raw.container()),
        QueryParameters.text("pod", raw.pod()),
        QueryParameters.text("namespace", raw.namespace()),
        QueryParameters.text("slurm_job", raw.slurmJob()),
        QueryParameters.limit("limit", raw.limit(), QueryParameters.DEFAULT_LIMIT, QueryParameters.MAX_LIMIT),
        Optional.ofNullable(raw.cursor()),
        step, agg);
    return new Parsed(query, window.deprecatedNames(), series);
  }

  static Response response(Parsed parsed, TelemetryPage page, UriInfo uri) {
    Response.ResponseBuilder ok = Response.ok(
        parsed.series() ? TelemetryJson.series(page.rows()) : TelemetryJson.rows(page.rows()),
        MediaType.APPLICATION_JSON_TYPE);
    page.nextCursor().ifPresent(c -> {
      URI next = uri.getRequestUriBuilder().replaceQueryParam("cursor", c).build();
      ok.header("Link", "<" + next + ">; rel=\"next\"");
      ok.header("X-Next-Cursor", c);
    });
    if (parsed.deprecatedNames()) {
      UriBuilder successor = uri.getRequestUriBuilder();
      String start = uri.getQueryParameters().getFirst("start");
      String end = uri.getQueryParameters().getFirst("end");
      successor.replaceQueryParam("start").replaceQueryParam("end");
      if (start != null) {
        successor.replaceQueryParam("start_time", encode(start));
      }
      if (end != null) {
        successor.replaceQueryParam("end_time", encode(end));
      }
      ok.header("Deprecation", "true");
      ok.header("Link", "<" + successor.build() + ">; rel=\"successor-version\"");
      ok.header("Warning", "299 - \"start and end are deprecated; use start_time and end_time\"");
    }
    return ok.build();
  }

  /** Percent-encoded, so that a '+' in an offset survives (the builder keeps existing escapes). */
  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}

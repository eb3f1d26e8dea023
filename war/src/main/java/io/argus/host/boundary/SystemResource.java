package io.argus.host.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import io.argus.security.boundary.Audited;
import io.argus.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import io.argus.collect.boundary.Collector;
import io.argus.collect.entity.Snapshot;
import io.argus.platform.boundary.Problem;
import io.argus.platform.control.ResourceNotFound;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The system monitor: what this node is and what it is doing now, from the collector's latest snapshot. */
@ApplicationScoped
@Path("system")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "System monitor", description = "Live host and GPU figures of a node (the system-monitor API's shapes)")
@RolesAllowed(Role.READER_NAME)
public class SystemResource {

  @Inject
  Collector collector;

  @GET
  @Path("info")
  @Operation(operationId = "systemInfo", summary = "What this node is", description = "Platform, processor, memory, swap and disk totals, GPUs.")
  @APIResponse(responseCode = "200", description = "Static facts of the node",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SystemMonitorViews.Info.class)))
  @APIResponse(responseCode = "500", description = "A defect; the problem's error_id is in the server log",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public SystemMonitorViews.Info info() {
    return SystemMonitorViews.info(collector.latest());
  }

  @GET
  @Path("metrics")
  @Operation(operationId = "systemMetrics", summary = "What this node is doing now",
      description = "A one-element array (the system-monitor API's shape): CPU overall and per core, load, memory and swap,"
          + " disks with I/O rates, network with rates, and every GPU with all fields its backend reads."
          + " Timestamp in epoch milliseconds.")
  @APIResponse(responseCode = "200", description = "The latest snapshot",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(type = SchemaType.ARRAY, implementation = SystemMonitorViews.Metrics.class)))
  @APIResponse(responseCode = "404", description = "node_id names no node this server has figures for",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public List<SystemMonitorViews.Metrics> metrics(
      @Parameter(description = "The node to report; this node's id or hostname (default: this node)")
      @QueryParam("node_id") String nodeId) {
    Snapshot s = collector.latest();
    if (nodeId != null && !nodeId.isBlank() && !nodeId.equals(s.nodeId()) && !nodeId.equals(s.info().hostname())
        && !nodeId.equals("localhost")) {
      throw new ResourceNotFound("node_id", "No live figures for node '" + (nodeId.length() > 64 ? nodeId.substring(0, 64) + "…" : nodeId)
          + "'; this server collects node '" + s.nodeId() + "'");
    }
    return List.of(SystemMonitorViews.metrics(s));
  }
}

package io.argus.telemetry.boundary;

import io.argus.security.boundary.Audited;
import io.argus.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import io.argus.platform.boundary.Problem;
import io.argus.telemetry.control.MetricCatalog;
import io.argus.telemetry.entity.MetricKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The metric dictionary: every quantity Argus stores, its unit, kind and names in other exporters. */
@ApplicationScoped
@Path("v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Telemetry")
@RolesAllowed(Role.READER_NAME)
public class MetricsResource {

  @Inject
  MetricCatalog catalog;

  @GET
  @Operation(operationId = "listMetrics", summary = "List the metric dictionary", description = "Entries in name order, narrowed by source and kind.")
  @APIResponse(responseCode = "200", description = "The entries",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = MetricView.class)))
  @APIResponse(responseCode = "400", description = "A filter has a value it cannot have",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public List<MetricView> list(
      @Parameter(description = "Only metrics read from this source", example = "nvml")
      @QueryParam("source") @Pattern(regexp = "[a-z_]{1,16}", message = "must be a source name such as nvml, oshi or dcgm") String source,
      @Parameter(description = "Only metrics of this kind", schema = @Schema(enumeration = {"gauge", "counter"}))
      @QueryParam("kind") String kind) {
    Optional<MetricKind> parsedKind = Optional.ofNullable(kind).map(k -> MetricKind.parse("kind", k));
    return catalog.list(Optional.ofNullable(source), parsedKind).stream().map(MetricView::of).toList();
  }

  @GET
  @Path("{name}")
  @Operation(operationId = "getMetric", summary = "One metric by its name or by an alias", description = "An alias such as DCGM_FI_DEV_FB_USED finds the Argus metric it maps to.")
  @APIResponse(responseCode = "200", description = "The entry",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MetricView.class)))
  @APIResponse(responseCode = "404", description = "No metric has that name or alias",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public MetricView get(
      @Parameter(description = "Argus name or alias", example = "gpu_temperature_celsius") @PathParam("name") String name) {
    return MetricView.of(catalog.find(name));
  }
}

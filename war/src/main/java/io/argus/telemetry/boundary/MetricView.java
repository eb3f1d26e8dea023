package io.argus.telemetry.boundary;

import io.argus.telemetry.entity.Metric;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A metric dictionary entry as the API shows it. */
@Schema(name = "Metric", example = """
        {
          "name": "gpu_power_watts",
          "unit": "watts",
          "kind": "gauge",
          "source": "nvml",
          "help": "Power draw of the board",
          "aliases": [
            {"alias": "DCGM_FI_DEV_POWER_USAGE", "scale": 1.0},
            {"alias": "nvidia_smi_power_draw_watts", "scale": 1.0}
          ]
        }""", description = "An entry of the metric dictionary")
public record MetricView(
    @Schema(example = "gpu_memory_used_bytes") String name,
    @Schema(example = "bytes") String unit,
    @Schema(enumeration = {"gauge", "counter"}, example = "gauge") String kind,
    @Schema(description = "Where Argus reads it: nvml, oshi, dcgm", example = "nvml") String source,
    @Schema(example = "Device memory in use") String help,
    @Schema(description = "Names of the same quantity in other exporters", type = SchemaType.ARRAY, implementation = Alias.class)
    List<Alias> aliases) {

  /** Another exporter's name and the factor from its unit to this metric's unit. */
  @Schema(name = "MetricAlias")
  public record Alias(
      @Schema(example = "DCGM_FI_DEV_FB_USED") String alias,
      @Schema(description = "Multiply the aliased value by this to get the metric's unit", example = "1048576") double scale) {}

  static MetricView of(Metric m) {
    return new MetricView(
        m.name(), m.unit(), m.kind().label(), m.source(), m.help(),
        m.aliases().stream().map(a -> new Alias(a.alias(), a.scale())).toList());
  }
}

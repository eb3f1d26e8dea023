package io.argus.telemetry.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a source registration. */
@Schema(name = "SourceRequest", example = """
        {
          "url": "http://node-a:9400/metrics",
          "kind": "dcgm",
          "interval": "15s"
        }""", description = "A Prometheus-format endpoint to scrape")
public record SourceRequest(
    @Schema(required = true, description = "http(s) URL with a host; redirects are not followed",
        example = "http://node-a:9400/metrics") String url,
    @Schema(required = true, enumeration = {"dcgm", "node", "nvidia_gpu_exporter", "prometheus"}) String kind,
    @Schema(description = "Scrape interval: seconds, or 15s / 1m / PT15S; default 15s, 1s to 1d", example = "15s")
    String interval) {}

package io.argus.telemetry.boundary;

import io.argus.session.control.SessionValidator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of a source registration. A class with fields, not a record: a record copies its
 * components' constraints onto the constructor's parameters, and the server's OpenAPI scanner
 * fails on {@code @Size} on a parameter that is not a path parameter.
 */
@Schema(name = "SourceRequest", example = """
        {
          "url": "http://node-a:9400/metrics",
          "kind": "dcgm",
          "interval": "15s"
        }""", description = "A Prometheus-format endpoint to scrape")
public class SourceRequest {

  @Schema(required = true, description = "http(s) URL with a host; redirects are not followed",
      example = "http://node-a:9400/metrics")
  @NotNull(message = "is required: the http(s) URL of a Prometheus-format endpoint")
  @Size(max = 2048, message = "is longer than 2048 characters")
  public String url;

  @Schema(required = true, enumeration = {"dcgm", "node", "nvidia_gpu_exporter", "prometheus"})
  @NotNull(message = SessionValidator.REQUIRED)
  @Size(max = 64, message = "is longer than 64 characters")
  public String kind;

  @Schema(description = "Scrape interval: seconds, or 15s / 1m / PT15S; default 15s, 1s to 1d", example = "15s")
  @Size(max = 64, message = "is longer than 64 characters")
  public String interval;

  public String url() {
    return url;
  }

  public String kind() {
    return kind;
  }

  public String interval() {
    return interval;
  }
}

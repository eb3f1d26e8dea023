package io.argus.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.telemetry.boundary.MetricsResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

class RouteTemplateFilterTest {

  @Path("/v1/gpus/")
  static class Gpus {
    @GET
    @Path("{gpu: [A-Za-z0-9-]+}/telemetry")
    public String telemetry() {
      return "";
    }

    @GET
    public String list() {
      return "";
    }
  }

  static class ProxiedGpus extends Gpus {}

  @Test
  void templatesJoinTheApplicationClassAndMethodPathsWithoutParameterPatterns() throws Exception {
    assertThat(RouteTemplateFilter.template(Gpus.class, Gpus.class.getMethod("telemetry")))
        .isEqualTo("/api/v1/gpus/{gpu}/telemetry");
    assertThat(RouteTemplateFilter.template(Gpus.class, Gpus.class.getMethod("list"))).isEqualTo("/api/v1/gpus");
    assertThat(RouteTemplateFilter.template(ProxiedGpus.class, Gpus.class.getMethod("list")))
        .as("a container subclass of the resource").isEqualTo("/api/v1/gpus");
    assertThat(RouteTemplateFilter.template(MetricsResource.class, MetricsResource.class.getMethod("get", String.class)))
        .isEqualTo("/api/v1/metrics/{name}");
  }
}

package io.argus.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JaxRsOperationsTest {

  @Test
  void findsTheResourceMethodsOfTheWarWithTheirFullPaths() {
    assertThat(JaxRsOperations.all())
        .contains("get /api/v1/gpus", "get /api/v1/gpus/{gpu}/telemetry", "post /api/v1/telemetry",
            "delete /api/v1/sessions/{session_id}/services/{client_id}/{name}", "get /api/system/metrics", "get /api/health")
        .allMatch(o -> o.matches("(get|post|put|delete|patch|head|options) /api/\\S+"))
        .hasSizeGreaterThan(30);
  }
}

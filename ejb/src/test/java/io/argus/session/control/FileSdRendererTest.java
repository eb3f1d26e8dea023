package io.argus.session.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.session.entity.ExporterKind;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileSdRendererTest {

  @Test
  void clientTargetsFollowPreferences() {
    var client =
        SessionValidator.client("fake-gpu-0", "gpu01", Map.of("node", "gpu01:9100"), Map.of("enable_dcgm", false));
    assertThat(FileSdRenderer.client("run-42", client, ExporterKind.NODE))
        .isEqualTo(
            """
            [
              {
                "targets": ["gpu01:9100"],
                "labels": {
                  "client_id": "fake-gpu-0",
                  "node": "gpu01",
                  "session": "run-42"
                }
              }
            ]
            """);
    assertThat(FileSdRenderer.client("run-42", client, ExporterKind.DCGM)).isEqualTo("[]\n");
  }

  @Test
  void serviceTargetIsHostPortWithSchemeAndPathAsLabels() {
    var labels = new LinkedHashMap<String, String>();
    labels.put("zone", "b");
    labels.put("model", "Llama \"3\" \\ 8B");
    var service = SessionValidator.service("client-1", "vllm", "https://mel2153:8000/v1/metrics", labels);
    assertThat(FileSdRenderer.service("run-42", service))
        .isEqualTo(
            """
            [
              {
                "targets": ["mel2153:8000"],
                "labels": {
                  "__metrics_path__": "/v1/metrics",
                  "__scheme__": "https",
                  "client_id": "client-1",
                  "model": "Llama \\"3\\" \\\\ 8B",
                  "service": "vllm",
                  "session": "run-42",
                  "zone": "b"
                }
              }
            ]
            """);
  }

  @Test
  void fileNamesAreUniquePerClientAndService() {
    assertThat(FileSdRenderer.clientFileName("c1")).isEqualTo("c1.json");
    assertThat(FileSdRenderer.serviceFileName("c1", "vllm")).isEqualTo("c1.vllm.json");
  }
}

package io.argus.session.boundary;

import io.argus.session.control.SessionValidator;
import io.argus.session.entity.ServiceEndpoint;
import io.argus.session.entity.SessionService;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registered service with the endpoint split as Prometheus scrapes it. */
@Schema(name = "SessionService", example = """
        {
          "client_id": "client-001",
          "name": "vllm",
          "endpoint": "http://node01:8000/metrics",
          "target": "node01:8000",
          "scheme": "http",
          "metrics_path": "/metrics",
          "labels": {
            "model": "llama-3-8b"
          },
          "registered_at": "2026-11-24T09:59:03.870Z",
          "updated_at": "2026-11-24T09:59:03.870Z"
        }""")
public record ServiceView(
    String clientId,
    String name,
    String endpoint,
    String target,
    String scheme,
    String metricsPath,
    Map<String, String> labels,
    Instant registeredAt,
    Instant updatedAt) {

  static ServiceView of(SessionService v) {
    ServiceEndpoint e = SessionValidator.serviceEndpoint("endpoint", v.endpoint());
    return new ServiceView(v.clientId(), v.name(), v.endpoint(), e.address().target(), e.scheme(), e.metricsPath(), v.labels(),
        v.registeredAt().toInstant(), v.updatedAt().toInstant());
  }
}

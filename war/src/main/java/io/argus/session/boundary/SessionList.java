package io.argus.session.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Sessions, newest first, with how many match in all. */
@Schema(name = "SessionList", example = """
        {
          "count": 2,
          "sessions": [
            {
              "session_id": "bench-001",
              "status": "RUNNING",
              "prometheus_url": "http://node01:9090",
              "workdir": "/var/lib/argus/sessions/bench-001",
              "scrape_interval": "1s",
              "retention_hours": 6,
              "prometheus_port": 9090,
              "prom_host": "localhost",
              "launcher": "slurm",
              "job_id": "4711",
              "node": "node01",
              "partition": "gpu",
              "time_limit": "04:00:00",
              "created_at": "2026-11-24T09:58:12.345Z",
              "started_at": "2026-11-24T09:58:20.102Z"
            },
            {
              "session_id": "mon-1a2b3c4d",
              "status": "CREATED",
              "prometheus_url": "http://localhost:9091",
              "workdir": "/var/lib/argus/sessions/mon-1a2b3c4d",
              "scrape_interval": "1s",
              "retention_hours": 6,
              "prometheus_port": 9091,
              "prom_host": "localhost",
              "created_at": "2026-11-24T09:50:00.000Z"
            }
          ]
        }""", requiredProperties = {"count", "sessions"})
public record SessionList(@Schema(description = "Sessions matching the filter, beyond the limit too") long count, List<SessionView> sessions) {}

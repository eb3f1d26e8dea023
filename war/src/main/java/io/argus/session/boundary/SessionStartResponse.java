package io.argus.session.boundary;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's answer to a start, with the node the job runs on. */
@Schema(name = "SessionStartResponse", example = """
        {
          "status": "RUNNING",
          "job_ids": {
            "prometheus": "4711"
          },
          "prometheus_url": "http://node01:9090",
          "session_id": "bench-001",
          "node": "node01",
          "launcher": "slurm"
        }""", description = "Response for session start.",
    requiredProperties = {"status", "job_ids", "prometheus_url"})
public record SessionStartResponse(
    @Schema(example = "RUNNING") String status,
    @Schema(description = "Job ids by role", example = "{\"prometheus\": \"12345\"}") Map<String, String> jobIds,
    @Schema(example = "http://node01:9090") String prometheusUrl,
    @Schema(description = "The session id") String sessionId,
    @Schema(description = "The node the job runs on", example = "node01") String node,
    @Schema(description = "sbatch for SLURM, a child process for local", enumeration = {"slurm", "local"}) String launcher) {}

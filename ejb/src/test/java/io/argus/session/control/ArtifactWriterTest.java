package io.argus.session.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.session.entity.Artifact;
import io.argus.session.entity.RangeSeries;
import io.argus.session.entity.TelemetryImport;
import io.argus.session.entity.TimeWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactWriterTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static ArtifactWriter.Collected collected() {
    var series = List.of(
        new RangeSeries(Map.of("__name__", "DCGM_FI_DEV_GPU_UTIL", "gpu", "0", "session", "s1", "Hostname", "n,1"),
            new long[] {T0.toEpochMilli(), T0.toEpochMilli() + 1000}, new String[] {"42", "NaN"}),
        new RangeSeries(Map.of("__name__", "up", "job", "node", "session", "s1"), new long[] {T0.toEpochMilli() + 500}, new String[] {"1"}));
    var summary = new LinkedHashMap<String, Optional<Double>>();
    CompatibilitySummary.COLUMNS.forEach(c -> summary.put(c, Optional.empty()));
    summary.put("gpu_util_avg_pct", Optional.of(42.0));
    return new ArtifactWriter.Collected("s1", "run-1", new TimeWindow(T0, T0.plusSeconds(60)), Duration.ofSeconds(1), series, summary,
        T0.plusSeconds(61));
  }

  @Test
  void writesLongFormatCsvJsonSummaryAndAManifestWithChecksums(@TempDir Path dir) throws Exception {
    List<Artifact> artifacts = ArtifactWriter.write(dir.resolve("out"), collected());
    assertThat(artifacts).extracting(Artifact::name).containsExactly("csv", "json", "tables", "manifest");

    assertThat(Files.readString(dir.resolve("out/metrics.csv"))).isEqualTo("""
        timestamp,metric,labels,value
        2026-01-01T00:00:00.000Z,DCGM_FI_DEV_GPU_UTIL,"{Hostname=""n,1"",gpu=""0"",session=""s1""}",42
        2026-01-01T00:00:01.000Z,DCGM_FI_DEV_GPU_UTIL,"{Hostname=""n,1"",gpu=""0"",session=""s1""}",NaN
        2026-01-01T00:00:00.500Z,up,"{job=""node"",session=""s1""}",1
        """);
    assertThat(Files.readString(dir.resolve("out/metrics.json"))).isEqualTo("""
        {"session_id":"s1","run_id":"run-1","window":{"start": "2026-01-01T00:00:00Z", "end": "2026-01-01T00:01:00Z"},"step_seconds":1,\
        "series_count":2,"row_count":3,"series":[
        {"metric":"DCGM_FI_DEV_GPU_UTIL","labels":{"Hostname":"n,1","gpu":"0","session":"s1"},"values":[[1767225600,"42"],[1767225601,"NaN"]]},
        {"metric":"up","labels":{"job":"node","session":"s1"},"values":[[1767225600.5,"1"]]}
        ]}
        """);
    assertThat(Files.readString(dir.resolve("out/metrics_summary.csv"))).isEqualTo("""
        run_id,session_id,from,to,throughput_qps,cpu_util_avg_pct,gpu_util_avg_pct,latency_p50_ms,latency_p95_ms,latency_p99_ms
        run-1,s1,2026-01-01T00:00:00Z,2026-01-01T00:01:00Z,,,42.0,,,
        """);
    String manifest = Files.readString(dir.resolve("out/MANIFEST.json"));
    assertThat(manifest).contains("\"window\": {\"start\": \"2026-01-01T00:00:00Z\", \"end\": \"2026-01-01T00:01:00Z\"}", "\"row_count\": 3");
    for (Artifact a : artifacts) {
      assertThat(a.sizeBytes()).isEqualTo(Files.size(a.path()));
      assertThat(a.sha256()).isEqualTo(sha256(a.path()));
      if (!a.name().equals("manifest")) {
        assertThat(manifest).contains("\"sha256\": \"" + a.sha256() + "\"", "\"size_bytes\": " + a.sizeBytes());
      }
    }
    assertThat(artifacts.get(0).rows()).contains(3L);
    try (var files = Files.list(dir.resolve("out"))) {
      assertThat(files).as("no temporary files are left").hasSize(4);
    }
  }

  @Test
  void theManifestSaysWhatTheImportStoredOrWhyItStoredNothing(@TempDir Path dir) throws Exception {
    var c = collected();
    List<Artifact> data = ArtifactWriter.writeData(dir, c);
    assertThat(Files.readString(ArtifactWriter.writeManifest(dir, c, data, Optional.empty()).path())).doesNotContain("\"import\"");

    ArtifactWriter.writeManifest(dir, c, data, Optional.of(new ArtifactWriter.Import.Done(new TelemetryImport(1, 1, 1, 0))));
    String manifest = Files.readString(dir.resolve("MANIFEST.json"));
    assertThat(manifest).contains("\"import\": {\"series_imported\": 1, \"samples_stored\": 1, \"series_skipped\": 1, \"samples_replaced\": 0},");
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(manifest))) {
      assertThat(reader.readObject().getJsonObject("files").keySet()).containsExactly("csv", "json", "tables");
    }

    ArtifactWriter.writeManifest(dir, c, data, Optional.of(new ArtifactWriter.Import.Failed("The batch was not stored: \"connection refused\"")));
    assertThat(Files.readString(dir.resolve("MANIFEST.json")))
        .contains("\"import\": {\"failed\": \"The batch was not stored: \\\"connection refused\\\"\", \"samples_stored\": 0},");
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}

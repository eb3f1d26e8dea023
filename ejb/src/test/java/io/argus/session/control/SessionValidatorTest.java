package io.argus.session.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.platform.control.InvalidParameter;
import io.argus.session.entity.ExporterKind;
import io.argus.session.entity.HostPort;
import io.argus.slurm.entity.TimeLimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionValidatorTest {

  private static AbstractThrowableAssert<?, ? extends Throwable> rejected(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
    return assertThatThrownBy(call)
        .isInstanceOf(InvalidParameter.class)
        .satisfies(e -> assertThat(((InvalidParameter) e).parameter()).contains(field))
        .hasMessageStartingWith(field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"run-42", "A", "mon-1a2b3c4d", "gpu_node_07"})
  void acceptsSlugs(String id) {
    assertThat(SessionValidator.slug("run_id", id)).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-rf", "_x", "a/b", "../etc", "a.b", "a b", "ä", "x;rm", "$(id)"})
  void refusesIdsThatAreNotSlugs(String id) {
    rejected(() -> SessionValidator.slug("client_id", id), "client_id").hasMessageContaining("letters, digits");
  }

  @Test
  void refusesMissingOverlongAndControlCharacters() {
    rejected(() -> SessionValidator.slug("run_id", null), "run_id").hasMessage("run_id is required");
    rejected(() -> SessionValidator.slug("run_id", "a".repeat(65)), "run_id");
    rejected(() -> SessionValidator.slug("run_id", "a\r\nb"), "run_id").hasMessageContaining("control characters");
  }

  @Test
  void partitionsAndJobNames() {
    assertThat(SessionValidator.partition("partition", "gpu.a100")).isEqualTo("gpu.a100");
    rejected(() -> SessionValidator.partition("partition", "cpu,gpu"), "partition").hasMessageContaining("one partition");
    rejected(() -> SessionValidator.partition("partition", "--wrap=id"), "partition");
    assertThat(SessionValidator.jobName("job_name", "argus-run-1")).isEqualTo("argus-run-1");
    rejected(() -> SessionValidator.jobName("job_name", "a b"), "job_name");
  }

  @ParameterizedTest
  @CsvSource({
    "5, 00:05:00",
    "90, 01:30:00",
    "0:45, 00:00:45",
    "2:30, 00:02:30",
    "04:00:00, 04:00:00",
    "48:00:00, 2-00:00:00",
    "1-0, 1-00:00:00",
    "2-12, 2-12:00:00",
    "2-12:30, 2-12:30:00",
    "2-12:30:15, 2-12:30:15",
    "UNLIMITED, UNLIMITED",
    "infinite, UNLIMITED"
  })
  void acceptsEverySlurmTimeFormat(String given, String slurm) {
    assertThat(SessionValidator.timeLimit("time_limit", given).toSlurm()).isEqualTo(slurm);
  }

  @Test
  void timeLimitKeepsSeconds() {
    assertThat(SessionValidator.timeLimit("time_limit", "1-02:03:04"))
        .isEqualTo(new TimeLimit.Bounded(Duration.parse("P1DT2H3M4S")));
  }

  @ParameterizedTest
  @CsvSource({
    "abc, is not a SLURM time limit",
    "1:60, seconds 60",
    "1:00:60, seconds 60",
    "1:60:00, minutes 60",
    "1-24, hours 24",
    "0, longer than zero",
    "0:00:00, longer than zero",
    "-5, is not a SLURM time limit",
    "1-2:3:4:5, is not a SLURM time limit"
  })
  void refusesMalformedTimeLimits(String given, String why) {
    rejected(() -> SessionValidator.timeLimit("time_limit", given), "time_limit").hasMessageContaining(why);
  }

  @Test
  void ports() {
    assertThat(SessionValidator.port("prometheus_port", 9090)).isEqualTo(9090);
    rejected(() -> SessionValidator.port("prometheus_port", 0), "prometheus_port").hasMessageContaining("1 to 65535");
    rejected(() -> SessionValidator.port("prometheus_port", 65_536), "prometheus_port");
    rejected(() -> SessionValidator.port("prometheus_port", null), "prometheus_port");
  }

  @ParameterizedTest
  @CsvSource({"1s, PT1S", "500ms, PT0.5S", "1m30s, PT1M30S", "2h, PT2H", "1d, PT24H", "1w, PT168H"})
  void scrapeIntervalsArePrometheusDurations(String given, Duration expected) {
    var d = SessionValidator.scrapeInterval("scrape_interval", given);
    assertThat(d.duration()).isEqualTo(expected);
    assertThat(d.text()).isEqualTo(given);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "1 s", "1.5s", "PT1S", "0s", "s", "1s1m", "-1s"})
  void refusesWhatPrometheusWouldNotParse(String given) {
    rejected(() -> SessionValidator.scrapeInterval("scrape_interval", given), "scrape_interval");
  }

  @Test
  void windowsRunForward() {
    var w = SessionValidator.window("window_start", "2026-01-31T12:00:00Z", "window_end", "2026-01-31T13:00:00+00:30");
    assertThat(w.length()).isEqualTo(Duration.ofMinutes(30));
    assertThat(w.start()).isEqualTo(Instant.parse("2026-01-31T12:00:00Z"));
    rejected(() -> SessionValidator.window("window_start", "2026-01-31T12:00:00Z", "window_end", "2026-01-31T12:00:00Z"), "window_start")
        .hasMessageContaining("must be before window_end");
    rejected(() -> SessionValidator.window("window_start", "2026-01-31T13:00:00Z", "window_end", "2026-01-31T12:00:00Z"), "window_start");
    rejected(() -> SessionValidator.window("window_start", "yesterday", "window_end", "2026-01-31T12:00:00Z"), "window_start");
  }

  @Test
  void serviceEndpointIsSplitForPrometheus() {
    var e = SessionValidator.serviceEndpoint("endpoint", "http://mel2153:8000/metrics");
    assertThat(e.scheme()).isEqualTo("http");
    assertThat(e.address().target()).isEqualTo("mel2153:8000");
    assertThat(e.metricsPath()).isEqualTo("/metrics");

    var defaults = SessionValidator.serviceEndpoint("endpoint", "HTTPS://vllm.example.org");
    assertThat(defaults.scheme()).isEqualTo("https");
    assertThat(defaults.address().target()).isEqualTo("vllm.example.org:443");
    assertThat(defaults.metricsPath()).isEqualTo("/metrics");

    assertThat(SessionValidator.serviceEndpoint("endpoint", "http://[::1]:9400/x/metrics").address().target())
        .isEqualTo("[::1]:9400");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "file:///etc/passwd | http or https",
        "gopher://node:70/ | http or https",
        "node:8000/metrics | http or https",
        "http:///metrics | no host",
        "http://user:secret@node:8000/metrics | user information",
        "http://node:8000/metrics?x=1 | query string",
        "http://node:8000/metrics#top | fragment",
        "http://no de:8000/ | is not a URL"
      })
  void refusesEndpointsThatAreNotPlainHttp(String url, String why) {
    rejected(() -> SessionValidator.serviceEndpoint("endpoint", url), "endpoint").hasMessageContaining(why);
  }

  @Test
  void refusesHeaderInjectionInEndpoints() {
    rejected(() -> SessionValidator.serviceEndpoint("endpoint", "http://node:8000/metrics\r\nHost: evil"), "endpoint")
        .hasMessageContaining("control characters");
  }

  @Test
  void clientPreferencesPickTheExporters() {
    var both = SessionValidator.client("c1", "gpu01", Map.of("node", "gpu01:9100", "dcgm", "gpu01:9401"), Map.of());
    assertThat(both.exporters())
        .containsEntry(ExporterKind.NODE, new HostPort("gpu01", 9100))
        .containsEntry(ExporterKind.DCGM, new HostPort("gpu01", 9401));

    var noGpu = SessionValidator.client("c1", "gpu01", Map.of("node", "10.0.0.7:9100"), Map.of("enable_dcgm", false));
    assertThat(noGpu.exporters()).containsOnlyKeys(ExporterKind.NODE);

    var defaults = SessionValidator.client("c1", "gpu01", Map.of(), Map.of("enable_node", true));
    assertThat(defaults.exporters())
        .containsEntry(ExporterKind.NODE, new HostPort("gpu01", 9100))
        .containsEntry(ExporterKind.DCGM, new HostPort("gpu01", 9400));

    rejected(() -> SessionValidator.client("c1", "gpu01", Map.of("nvml", "x:1"), Map.of()), "exporters.nvml");
    rejected(() -> SessionValidator.client("c1", "gpu01", Map.of("node", "http://x:9100"), Map.of()), "exporters.node");
    rejected(() -> SessionValidator.client("c1", "gpu01", Map.of(), Map.of("enable_gpu", true)), "preferences.enable_gpu");
    rejected(() -> SessionValidator.client("c1", "gpu 01", Map.of(), Map.of()), "node");
  }

  @Test
  void serviceLabelsAreKeptButCannotOverrideOurs() {
    var s = SessionValidator.service("c1", "vllm", "http://n1:8000/metrics", Map.of("model", "llama-3"));
    assertThat(s.labels()).containsExactly(Map.entry("model", "llama-3"));
    rejected(() -> SessionValidator.service("c1", "vllm", "http://n1:8000/metrics", Map.of("session", "x")), "labels")
        .hasMessageContaining("set by Argus");
    rejected(() -> SessionValidator.service("c1", "vllm", "http://n1:8000/metrics", Map.of("__address__", "x")), "labels");
    rejected(() -> SessionValidator.service("c1", "vllm", "http://n1:8000/metrics", Map.of("1x", "x")), "labels");
  }

  @Test
  void outDirResolvesInsideTheArtifactRoot(@TempDir Path tmp) throws Exception {
    Path root = Files.createDirectories(tmp.resolve("artifacts"));
    Path real = root.toRealPath();
    assertThat(SessionValidator.outDir("out_dir", root, "run-1/collect")).isEqualTo(real.resolve("run-1/collect"));
    assertThat(SessionValidator.outDir("out_dir", root, real.resolve("x").toString())).isEqualTo(real.resolve("x"));
    assertThat(SessionValidator.outDir("out_dir", root, "./a//b/")).isEqualTo(real.resolve("a/b"));
  }

  @Test
  void outDirCannotEscape(@TempDir Path tmp) throws Exception {
    Path root = Files.createDirectories(tmp.resolve("artifacts"));
    Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
    rejected(() -> SessionValidator.outDir("out_dir", root, "../elsewhere"), "out_dir").hasMessageContaining("'..'");
    rejected(() -> SessionValidator.outDir("out_dir", root, "a/../../elsewhere"), "out_dir").hasMessageContaining("'..'");
    rejected(() -> SessionValidator.outDir("out_dir", root, outside.toString()), "out_dir")
        .hasMessageContaining("inside the artifact root");
    rejected(() -> SessionValidator.outDir("out_dir", root, "/etc"), "out_dir");

    // a link inside the root that points out of it, used as the directory or as a parent
    Files.createSymbolicLink(root.resolve("link"), outside);
    rejected(() -> SessionValidator.outDir("out_dir", root, "link"), "out_dir").hasMessageContaining("inside the artifact root");
    rejected(() -> SessionValidator.outDir("out_dir", root, "link/new/dir"), "out_dir");

    // a link that stays inside is fine, and resolves to where it points
    Path target = Files.createDirectories(root.resolve("runs/7"));
    Files.createSymbolicLink(root.resolve("latest"), target);
    assertThat(SessionValidator.outDir("out_dir", root, "latest/csv")).isEqualTo(target.toRealPath().resolve("csv"));
  }

  @Test
  void outDirMustNotBeAFile(@TempDir Path root) throws Exception {
    Files.writeString(root.resolve("f"), "x");
    rejected(() -> SessionValidator.outDir("out_dir", root, "f/sub"), "out_dir").hasMessageContaining("names a file");
  }
}

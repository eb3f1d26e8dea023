package io.argus.session.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.argus.platform.control.DependencyUnavailable;
import io.argus.session.entity.RangeSeries;
import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrometheusClientTest {

  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = PrometheusClientTest.class.getResourceAsStream("/fixtures/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private String serve(int status, String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("X-Query", exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery());
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void readsAMatrixWithMillisecondTimestampsAndValuesAsWritten() throws Exception {
    List<RangeSeries> series = PrometheusClient.matrix(Json.createReader(new java.io.StringReader(fixture("prometheus_api_query_range_example.json"))).readObject());
    assertThat(series).hasSize(2);
    assertThat(series.get(0).labels()).containsEntry("__name__", "up").containsEntry("instance", "localhost:9090");
    assertThat(series.get(0).timestamps()).containsExactly(1435781430781L, 1435781445781L, 1435781460781L);
    assertThat(series.get(1).values()).containsExactly("0", "0", "1");
  }

  @Test
  void readsActiveTargetsOverHttp() throws Exception {
    String base = serve(200, fixture("prometheus_api_targets_active_example.json"));
    var targets = new PrometheusClient(Duration.ofSeconds(5)).targets(base);
    assertThat(targets).singleElement().satisfies(t -> {
      assertThat(t.job()).isEqualTo("prometheus");
      assertThat(t.health()).isEqualTo("up");
      assertThat(t.scrapeUrl()).isEqualTo("http://127.0.0.1:9090/metrics");
      assertThat(t.lastScrape()).contains(Instant.parse("2017-01-17T14:07:44.723715405Z"));
    });
  }

  @Test
  void anErrorAnswerOrNoAnswerIsADependencyProblemNotAnEmptyResult() throws Exception {
    String base = serve(400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"exceeded maximum resolution\"}");
    var client = new PrometheusClient(Duration.ofSeconds(5));
    assertThatThrownBy(() -> client.queryRange(base, "up", Instant.EPOCH, Instant.EPOCH.plusSeconds(60), Duration.ofSeconds(1)))
        .isInstanceOf(DependencyUnavailable.class).hasMessageContaining("400").hasMessageContaining("exceeded maximum resolution");
    server.stop(0);
    server = null;
    assertThatThrownBy(() -> client.series(base, "{session=\"s\"}", Instant.EPOCH, Instant.EPOCH.plusSeconds(1)))
        .isInstanceOf(DependencyUnavailable.class).hasMessageContaining("no answer");
    assertThat(client.ready(base)).isFalse();
  }

  @Test
  void selectorsQuoteLabelValuesSoNoneBreaksOut() {
    assertThat(PrometheusClient.selector(Map.of("session", "s1", "__name__", "up"))).isEqualTo("{__name__=\"up\",session=\"s1\"}");
    assertThat(PrometheusClient.selector(Map.of("model", "x\"} or vector(1) or {a=\"\\\n")))
        .isEqualTo("{model=\"x\\\"} or vector(1) or {a=\\\"\\\\\\n\"}");
  }

  @Test
  void timesAndStepsAreSecondsWithMilliseconds() {
    assertThat(PrometheusClient.seconds(Instant.parse("2026-01-01T00:00:00.250Z"))).isEqualTo("1767225600.25");
    assertThat(PrometheusClient.seconds(1000)).isEqualTo("1");
    assertThat(PrometheusClient.params("match[]", "{session=\"a b\"}")).isEqualTo("match%5B%5D=%7Bsession%3D%22a+b%22%7D");
  }
}

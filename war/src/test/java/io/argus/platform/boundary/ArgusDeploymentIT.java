package io.argus.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built WAR on Payara Micro with PostgreSQL: one server for every test of the class, spoken to
 * over HTTP as a client would.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ArgusDeploymentIT {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @ArquillianResource
  URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("argus.war")));
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root() + path)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The server root: MicroProfile Health and OpenAPI live there, whatever the WAR's context root. */
  private String root() {
    return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
  }

  private String app() {
    return base.getPath().replaceAll("/$", "");
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  @Test
  void readyWithTheDatabaseCheckUpOnPostgresql() throws Exception {
    HttpResponse<String> response = get("/health/ready");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject database = json(response).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
    assertThat(database.getString("status")).isEqualTo("UP");
    assertThat(database.getJsonObject("data").getString("vendor")).isEqualTo("postgresql");
    assertThat(database.getJsonObject("data").getString("product")).startsWith("PostgreSQL");
  }

  @Test
  void theMetricDictionaryIsServedFromTheMigratedStore() throws Exception {
    HttpResponse<String> response = get(app() + "/api/v1/metrics?source=nvml&kind=counter");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonArray metrics = Json.createReader(new StringReader(response.body())).readArray();
    assertThat(metrics.getValuesAs(JsonObject.class))
        .extracting(m -> m.getString("name"))
        .contains("gpu_energy_joules_total", "gpu_ecc_uncorrected_errors_total")
        .doesNotContain("gpu_temperature_celsius");

    JsonObject byAlias = json(get(app() + "/api/v1/metrics/DCGM_FI_DEV_FB_USED"));
    assertThat(byAlias.getString("name")).isEqualTo("gpu_memory_used_bytes");
  }

  @Test
  void aBadParameterIsA400ProblemNamingIt() throws Exception {
    HttpResponse<String> response = get(app() + "/api/v1/metrics?kind=histogram", "X-Request-ID", "bad-param-1");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonObject problem = json(response);
    assertThat(problem.getInt("status")).isEqualTo(400);
    assertThat(problem.getString("title")).isEqualTo("Invalid parameter");
    assertThat(problem.getString("parameter")).isEqualTo("kind");
    assertThat(problem.getString("detail")).contains("histogram").contains("gauge, counter");
    assertThat(problem.getString("request_id")).isEqualTo("bad-param-1");

    HttpResponse<String> pattern = get(app() + "/api/v1/metrics?source=NV%20ML;drop");
    assertThat(pattern.statusCode()).isEqualTo(400);
    assertThat(json(pattern).getString("parameter")).isEqualTo("source");
  }

  @Test
  void anUnknownPathOrMethodUnderApiIsAProblemNotAnHtmlPage() throws Exception {
    HttpResponse<String> missing = get(app() + "/api/v1/no-such-thing");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(json(missing).getString("detail")).contains("/api/v1/no-such-thing");

    HttpResponse<String> unknownMetric = get(app() + "/api/v1/metrics/no_such_metric");
    assertThat(unknownMetric.statusCode()).isEqualTo(404);
    assertThat(json(unknownMetric).getString("parameter")).isEqualTo("name");

    HttpResponse<String> wrongMethod = HTTP.send(
        HttpRequest.newBuilder(URI.create(root() + app() + "/api/v1/metrics")).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(wrongMethod.headers().firstValue("Allow")).hasValueSatisfying(a -> assertThat(a).contains("GET"));
  }

  @Test
  void anErrorOutsideTheApiIsAProblemTooAndTheErrorPageIsNotAnAddress() throws Exception {
    for (String path : new String[] {"/console/no-such-file.js", "/no-such-page", "/WEB-INF/error", "/WEB-INF/web.xml"}) {
      HttpResponse<String> missing = get(app() + path);
      assertThat(missing.statusCode()).as(path).isEqualTo(404);
      assertThat(missing.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
          t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(json(missing).getInt("status")).as(path).isEqualTo(404);
      assertThat(missing.body()).as(path).doesNotContain("<html").doesNotContain("Payara");
    }
  }

  @Test
  void theRequestIdIsEchoedOrGenerated() throws Exception {
    String mine = "trace-" + UUID.randomUUID();
    assertThat(get(app() + "/api/v1/metrics/gpu_power_watts", "X-Request-ID", mine).headers().firstValue("X-Request-ID"))
        .contains(mine);
    String generated = get(app() + "/api/v1/metrics/gpu_power_watts").headers().firstValue("X-Request-ID").orElseThrow();
    assertThat(UUID.fromString(generated)).isNotNull();
    String forged = get(app() + "/api/v1/metrics/gpu_power_watts", "X-Request-ID", "evil value with spaces")
        .headers().firstValue("X-Request-ID").orElseThrow();
    assertThat(forged).isNotEqualTo("evil value with spaces");
  }

  @Test
  void theOpenApiDocumentDescribesTheOperationsAndTheProblemSchema() throws Exception {
    HttpResponse<String> response = get("/openapi", "Accept", "application/json");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject doc = json(response);
    JsonObject paths = doc.getJsonObject("paths");
    assertThat(paths.keySet()).anyMatch(p -> p.endsWith("/api/v1/metrics")).anyMatch(p -> p.endsWith("/api/v1/metrics/{name}"));
    assertThat(doc.getJsonObject("components").getJsonObject("schemas").keySet()).contains("Problem", "Metric");
  }

  /**
   * A resource method missing from /openapi fails here; so does an operation without a summary, an
   * id, its errors, a 2xx schema, examples, or the security and access errors the server applies
   * to it (OpenApiCompleteness has the rules). The list names every offending operation.
   */
  @Test
  void theOpenApiDocumentHasEveryResourceMethodWithItsParametersErrorsExamplesAndSecurity() throws Exception {
    JsonObject doc = json(get("/openapi", "Accept", "application/json"));
    // JAX-RS paths carry the WAR's context root here; the servlets of META-INF/openapi.yaml do not
    var paths = Json.createObjectBuilder();
    doc.getJsonObject("paths").forEach((path, item) -> paths.add(path.contains("/api/") ? path.substring(path.indexOf("/api/")) : path, item));
    doc = Json.createObjectBuilder(doc).add("paths", paths).build();

    assertThat(doc.getJsonObject("paths").keySet()).contains("/stats", "/polling", "/monitor", "/metrics", "/metrics/json",
        "/metrics/json/cpu", "/metrics/json/memory", "/metrics/json/gpu", "/health", "/health/live", "/health/ready", "/health/started");
    assertThat(doc.getJsonObject("paths").getJsonObject("/monitor").getJsonObject("get").getJsonObject("responses").keySet())
        .contains("200", "503");
    assertThat(doc.getJsonObject("components").getJsonObject("securitySchemes").keySet()).contains("apiKey", "bearer");
    assertThat(doc.getJsonObject("paths").getJsonObject("/health/ready").getJsonObject("get").getJsonArray("security"))
        .as("health needs no credentials").containsExactly(JsonValue.EMPTY_JSON_OBJECT);
    assertThat(doc.getJsonObject("paths").getJsonObject("/stats").getJsonObject("get")).as("/stats needs credentials once keys exist")
        .doesNotContainKey("security");
    JsonObject internal = doc.getJsonObject("components").getJsonObject("responses").getJsonObject("InternalError");
    assertThat(internal.getJsonObject("content").getJsonObject("application/problem+json").getJsonObject("example").getString("error_id"))
        .isNotBlank();

    assertThat(OpenApiCompleteness.defects(doc, JaxRsOperations.withRoles())).isEmpty();
  }
}

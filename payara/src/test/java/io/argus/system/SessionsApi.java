package io.argus.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** Speaks the monitoring-session API of a running Argus, as the contract's Python clients do. */
final class SessionsApi {

  record Answer(int status, String body, HttpResponse<String> response) {

    JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    JsonStructure structure() {
      return Json.createReader(new StringReader(body)).read();
    }

    /** Asserts the status, and for 200 that the body conforms to the contract's schema. */
    Answer is(int expected, String contractSchema) {
      assertThat(status).as(body).isEqualTo(expected);
      if (contractSchema != null) {
        assertThat(ContractSchema.violations(contractSchema, structure())).as(contractSchema + " of " + body).isEmpty();
      }
      return this;
    }

    /** Asserts a problem+json answer naming the parameter at fault. */
    Answer problem(int expected, String parameter) {
      assertThat(status).as(body).isEqualTo(expected);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      JsonObject problem = json();
      assertThat(problem.getInt("status")).isEqualTo(expected);
      if (parameter != null) {
        assertThat(problem.getString("parameter", null)).as(body).isEqualTo(parameter);
      }
      return this;
    }
  }

  private final ArgusProcess argus;

  SessionsApi(ArgusProcess argus) {
    this.argus = argus;
  }

  Answer get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(argus.url(path))).GET());
  }

  Answer post(String path, String json) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(argus.url(path)));
    if (json == null) {
      b.POST(HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }
    return send(b);
  }

  Answer delete(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(argus.url(path))).DELETE());
  }

  private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> r = ArgusProcess.HTTP.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body(), r);
  }

  /** Polls a GET until the JSON answer satisfies the condition. */
  JsonObject await(String path, Duration timeout, Predicate<JsonObject> condition) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonObject last = null;
    while (System.nanoTime() < deadline) {
      Answer a = get(path);
      if (a.status() == 200) {
        last = a.json();
        if (condition.test(last)) {
          return last;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("gave up after " + timeout.toSeconds() + " s waiting on " + path + "; last: " + last);
  }

  static String str(JsonValue v) {
    return ((jakarta.json.JsonString) v).getString();
  }
}

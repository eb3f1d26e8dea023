package io.argus.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EAR on a full Payara Server 6 (the distribution from Maven Central, unpacked by the build) in a
 * domain of its own: it deploys unchanged and answers health and the API at the root context.
 */
class EarOnPayaraServerIT {

  @Test
  void theEarDeploysOnPayaraServerAndAnswers(@TempDir Path dir) throws Exception {
    Path home = Path.of(System.getProperty("payara.server.home"));
    Path ear = Path.of(System.getProperty("argus.ear"));
    assertThat(ear).exists();
    int base = freePortBase();
    Path domains = dir.resolve("domains");
    Files.createDirectories(domains);
    Map<String, String> env = Map.of("ARGUS_DATA_DIR", dir.resolve("data").toString());

    asadmin(home, env, "--user", "admin", "create-domain", "--nopassword=true", "--portbase", Integer.toString(base),
        "--domaindir", domains.toString(), "argus");
    try {
      asadmin(home, env, "start-domain", "--domaindir", domains.toString(), "argus");
      asadmin(home, env, "--port", Integer.toString(base + 48), "deploy", "--contextroot", "/", ear.toString());

      String root = "http://127.0.0.1:" + (base + 80);
      HttpResponse<String> ready = awaitOk(root + "/health/ready", Duration.ofSeconds(120));
      assertThat(ready.body()).contains("\"name\":\"database\"").contains("\"status\":\"UP\"");
      HttpResponse<String> metric = ArgusProcess.HTTP.send(
          HttpRequest.newBuilder(URI.create(root + "/api/v1/metrics/DCGM_FI_DEV_GPU_TEMP")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(metric.statusCode()).as(metric.body()).isEqualTo(200);
      assertThat(metric.body()).contains("\"name\":\"gpu_temperature_celsius\"");
      assertThat(metric.headers().firstValue("X-Request-ID")).isPresent();
      assertThat(dir.resolve("data").resolve("argus.mv.db")).exists();
    } finally {
      asadmin(home, env, "stop-domain", "--domaindir", domains.toString(), "argus");
    }
  }

  private static HttpResponse<String> awaitOk(String url, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpResponse<String> last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = ArgusProcess.HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (last.statusCode() == 200) {
          return last;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError(url + " not 200 within " + timeout + ": " + (last == null ? "no answer" : last.body()));
  }

  private static void asadmin(Path home, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/asadmin").toString());
    command.add("--interactive=false");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("AS_JAVA", System.getProperty("java.home"));
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("asadmin " + String.join(" ", args) + " did not finish:\n" + output);
    }
    assertThat(process.exitValue()).as("asadmin " + String.join(" ", args) + "\n" + output).isZero();
  }

  /** A port base whose admin, HTTP, HTTPS, IIOP, JMS and JMX ports are all free. */
  private static int freePortBase() {
    int[] offsets = {37, 38, 39, 48, 76, 80, 81, 86, 9};
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = 20000 + 100 * ThreadLocalRandom.current().nextInt(300);
      boolean free = true;
      for (int offset : offsets) {
        try (ServerSocket s = new ServerSocket(base + offset)) {
          s.setReuseAddress(true);
        } catch (IOException taken) {
          free = false;
          break;
        }
      }
      if (free) {
        return base;
      }
    }
    throw new AssertionError("no free port base found");
  }
}

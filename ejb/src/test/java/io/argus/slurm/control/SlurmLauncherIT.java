package io.argus.slurm.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.argus.session.control.PrometheusConfigRenderer;
import io.argus.session.control.SessionValidator;
import io.argus.session.control.TargetFiles;
import io.argus.session.entity.PrometheusJob;
import io.argus.session.entity.SessionLayout;
import io.argus.slurm.entity.JobId;
import io.argus.slurm.entity.JobState;
import io.argus.slurm.entity.JobStatus;
import io.argus.testing.Prerequisites;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives {@link SlurmLauncher} against a real SLURM cluster, such as the one {@code src/ci/slurm-up.sh}
 * starts: {@code sbatch} on the PATH and {@code SLURM_CONF} (or {@code -Dargus.it.slurm.conf}) set.
 */
class SlurmLauncherIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private SlurmLauncher launcher;
  private JobId submitted;

  @BeforeEach
  void requireSlurm() {
    Prerequisites.require(onPath("sbatch"), "SLURM: sbatch is not on the PATH (run src/ci/slurm-up.sh)");
    String conf = setting("argus.it.slurm.conf", "SLURM_CONF");
    Prerequisites.require(conf != null && Files.isRegularFile(Path.of(conf)),
        "SLURM: neither -Dargus.it.slurm.conf nor SLURM_CONF names a slurm.conf (got " + conf + ")");
    Prerequisites.require(Files.isExecutable(Path.of(prometheus())),
        "Prometheus: no executable at " + prometheus() + " (set PROMETHEUS_BIN)");
    launcher = new SlurmLauncher(SlurmSettings.defaults().withSlurmConf(Path.of(conf)), new ProcessRunner());
  }

  @AfterEach
  void cancelLeftovers() {
    if (submitted != null && launcher.status(submitted).filter(s -> !s.state().terminal()).isPresent()) {
      launcher.cancel(submitted);
    }
  }

  @Test
  void prometheusRunsAsAJobPicksUpRegistrationsAndIsGoneAfterCancel() throws Exception {
    var layout = new SessionLayout("it-" + ProcessHandle.current().pid(), dir.toRealPath().resolve("session"));
    Files.createDirectories(layout.workingDirectory());
    Files.writeString(layout.configFile(),
        PrometheusConfigRenderer.render(layout, SessionValidator.scrapeInterval("scrape_interval", "1s")));
    var targets = new TargetFiles(layout);
    targets.prepare();
    int port = freePort();
    Optional<String> partition = Optional.ofNullable(setting("argus.it.slurm.partition", "SLURM_PARTITION"));
    var job = new PrometheusJob(layout, "argus-" + layout.sessionId(), "127.0.0.1", port, partition,
        SessionValidator.timeLimit("time_limit", "00:05:00"), Optional.empty(), prometheus());

    long t0 = System.nanoTime();
    submitted = launcher.launch(job);
    JobStatus running = await("job " + submitted + " RUNNING", () -> launcher.status(submitted).filter(s -> {
      if (s.state().terminal()) {
        fail("job ended before running: " + s + "\n" + jobLog(layout));
      }
      return s.running();
    }));
    long tRunning = System.nanoTime();
    assertThat(running.nodeList()).isPresent();
    partition.ifPresent(p -> assertThat(running.partition()).contains(p));

    String base = "http://127.0.0.1:" + port;
    await("Prometheus ready on " + base, () -> get(base + "/-/ready").filter(body -> body.contains("Ready")));
    long tReady = System.nanoTime();

    // registered after start: must appear without a restart or reload
    String exporter = Optional.ofNullable(System.getenv("NODE_EXPORTER_ADDR")).orElse("127.0.0.1:" + freePort());
    targets.register(SessionValidator.client("ci-client", "localhost", Map.of("node", exporter), Map.of("enable_dcgm", false)));
    String active = await("file_sd target discovered",
        () -> get(base + "/api/v1/targets?state=active").filter(body -> body.contains("\"client_id\":\"ci-client\"")));
    assertThat(active).contains("\"session\":\"" + layout.sessionId() + "\"").contains(exporter);

    launcher.cancel(submitted);
    long tCancel = System.nanoTime();
    Optional<JobStatus> after = await("job " + submitted + " out of the queue",
        () -> Optional.of(launcher.status(submitted)).filter(s -> s.isEmpty() || s.get().state().terminal()));
    long tGone = System.nanoTime();
    after.ifPresent(s -> assertThat(s.state()).isEqualTo(JobState.CANCELLED));
    await("port " + port + " closed", () -> portOpen(port) ? Optional.empty() : Optional.of(true));
    submitted = null;

    System.out.printf("sbatch->RUNNING %d ms, sbatch->/-/ready %d ms, scancel->gone %d ms%n",
        (tRunning - t0) / 1_000_000, (tReady - t0) / 1_000_000, (tGone - tCancel) / 1_000_000);
  }

  private static <T> T await(String what, Supplier<Optional<T>> probe) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("gave up waiting after " + PATIENCE.toSeconds() + " s for " + what);
  }

  private Optional<String> get(String url) {
    try {
      var response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static String jobLog(SessionLayout layout) {
    try (Stream<Path> files = Files.list(layout.workingDirectory())) {
      var out = new StringBuilder();
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("slurm-")).toList()) {
        out.append(f.getFileName()).append(":\n").append(Files.readString(f));
      }
      return out.toString();
    } catch (IOException e) {
      return "(no job log: " + e.getMessage() + ")";
    }
  }

  private static boolean portOpen(int port) {
    try (var ignored = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String setting(String property, String env) {
    String value = System.getProperty(property);
    return value != null && !value.isBlank() ? value : System.getenv(env);
  }

  private static String prometheus() {
    return Optional.ofNullable(setting("argus.it.prometheus", "PROMETHEUS_BIN")).orElse("/usr/bin/prometheus");
  }

  private static boolean onPath(String program) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    return Arrays.stream(path.split(":")).anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
  }
}

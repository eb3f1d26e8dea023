package io.argus.session.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.session.entity.PrometheusJob;
import io.argus.session.entity.SessionLayout;
import io.argus.slurm.entity.JobId;
import io.argus.slurm.entity.JobState;
import io.argus.slurm.entity.JobStatus;
import io.argus.slurm.entity.TimeLimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local launcher with a stand-in for Prometheus: a shell script that runs until SIGTERM. */
class LocalLauncherTest {

  @TempDir
  Path dir;

  private Path fakePrometheus() throws Exception {
    Path script = dir.resolve("fake-prometheus");
    Files.writeString(script, "#!/bin/sh\necho \"level=info msg=started args=$*\"\ntrap 'exit 0' TERM\nwhile :; do sleep 0.05; done\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  private PrometheusJob job(Path binary, TimeLimit limit) {
    return new PrometheusJob(new SessionLayout("local-1", dir.resolve("session")), "argus-local-1", "127.0.0.1", 19999,
        Optional.empty(), limit, Optional.of(Duration.ofHours(2)), binary.toString());
  }

  @Test
  void theCommandCarriesTheSameFlagsAsTheBatchScript() {
    assertThat(LocalLauncher.command(job(Path.of("/usr/bin/prometheus"), new TimeLimit.Unlimited()))).containsExactly(
        "/usr/bin/prometheus", "--config.file=" + dir.resolve("session/prometheus.yml"), "--storage.tsdb.path=" + dir.resolve("session/data"),
        "--storage.tsdb.retention.time=120m", "--web.listen-address=127.0.0.1:19999", "--web.enable-lifecycle");
  }

  @Test
  void runsCancelsAndReportsTheProcessAsAJob() throws Exception {
    var launcher = new LocalLauncher(fakePrometheus().toString(), Clock.systemUTC());
    JobId id = launcher.launch(job(fakePrometheus(), new TimeLimit.Unlimited()));
    assertThat(launcher.status(id)).map(JobStatus::state).contains(JobState.RUNNING);
    Path log = dir.resolve("session/prometheus-local.log");
    await(() -> Optional.of(log).filter(l -> read(l).contains("--web.listen-address=127.0.0.1:19999")));
    launcher.cancel(id);
    JobStatus ended = await(() -> launcher.status(id).filter(s -> s.state().terminal()));
    assertThat(ended.state()).isEqualTo(JobState.CANCELLED);
    assertThat(launcher.status(new JobId("999999999"))).isEmpty();
  }

  @Test
  void theTimeLimitStopsTheProcessAndReadsAsTimeout() throws Exception {
    var clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    var launcher = new LocalLauncher("unused", clock);
    JobId id = launcher.launch(job(fakePrometheus(), new TimeLimit.Bounded(Duration.ofMinutes(1))));
    assertThat(launcher.status(id)).map(JobStatus::state).contains(JobState.RUNNING);
    clock.now = clock.now.plusSeconds(61);
    JobStatus ended = await(() -> launcher.status(id).filter(s -> s.state().terminal()));
    assertThat(ended.state()).isEqualTo(JobState.TIMEOUT);
    assertThat(ended.reason()).contains("TimeLimit");
  }

  @Test
  void anotherLauncherTakesUpTheProcessOnlyIfItRunsThisSessionsConfiguration() throws Exception {
    var first = new LocalLauncher("unused", Clock.systemUTC());
    PrometheusJob job = job(fakePrometheus(), new TimeLimit.Unlimited());
    JobId id = first.launch(job);

    var stranger = new LocalLauncher("unused", Clock.systemUTC());
    stranger.reattach(id, new SessionLayout("other", dir.resolve("other")), Optional.empty());
    assertThat(stranger.status(id)).as("a process of another session is not taken up").isEmpty();

    var second = new LocalLauncher("unused", Clock.systemUTC());
    second.reattach(id, job.layout(), Optional.empty());
    assertThat(second.status(id)).map(JobStatus::state).contains(JobState.RUNNING);
    second.cancel(id);
    assertThat(await(() -> second.status(id).filter(s -> s.state().terminal())).state()).isEqualTo(JobState.CANCELLED);
  }

  @Test
  void pingNamesAMissingBinary() {
    var launcher = new LocalLauncher(dir.resolve("nothing-here").toString(), Clock.systemUTC());
    org.assertj.core.api.Assertions.assertThatThrownBy(launcher::ping).hasMessageContaining("nothing-here");
    assertThat(LocalLauncher.resolve("sh")).isPresent();
    assertThat(List.of(LocalLauncher.resolve("no-such-program-xyz"))).containsExactly(Optional.empty());
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (java.io.IOException e) {
      return "";
    }
  }

  private static <T> T await(Supplier<Optional<T>> probe) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<T> v = probe.get();
      if (v.isPresent()) {
        return v.get();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("gave up waiting");
  }

  private static final class MovableClock extends Clock {
    Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

package io.argus.slurm.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.gpu.control.MutableClock;
import io.argus.platform.control.DependencyUnavailable;
import io.argus.session.entity.PrometheusJob;
import io.argus.session.entity.SessionLayout;
import io.argus.slurm.entity.JobId;
import io.argus.slurm.entity.JobState;
import io.argus.slurm.entity.TimeLimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlurmLauncherTest {

  @TempDir Path dir;

  private final FakeRunner runner = new FakeRunner();
  private final SlurmSettings settings =
      new SlurmSettings("/opt/slurm/bin/sbatch", "/opt/slurm/bin/squeue", "/opt/slurm/bin/scontrol",
          "/opt/slurm/bin/scancel", Optional.of(Path.of("/etc/ci/slurm.conf")), Duration.ofSeconds(5), Duration.ofSeconds(2),
          Duration.ofSeconds(4));
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final SlurmLauncher launcher = new SlurmLauncher(settings, runner, clock);

  private PrometheusJob job() {
    return new PrometheusJob(new SessionLayout("s1", dir.resolve("s1")), "argus-s1", "127.0.0.1", 19090,
        Optional.of("debug"), new TimeLimit.Bounded(Duration.ofMinutes(5)), Optional.empty(), "/usr/bin/prometheus");
  }

  @Test
  void launchWritesTheScriptAndSubmitsItWithTheConfiguredToolsAndCluster() throws Exception {
    runner.answer(0, "17\n", "");
    assertThat(launcher.launch(job())).isEqualTo(new JobId("17"));

    Path script = dir.resolve("s1/prometheus.sbatch");
    assertThat(Files.readString(script)).startsWith("#!/bin/bash\n#SBATCH --job-name=argus-s1\n");
    Command sbatch = runner.commands.get(0);
    assertThat(sbatch.arguments()).containsExactly("/opt/slurm/bin/sbatch", "--parsable", script.toString());
    assertThat(sbatch.environment()).isEqualTo(Map.of("SLURM_CONF", "/etc/ci/slurm.conf"));
    assertThat(sbatch.timeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aRefusedSubmissionSaysWhy() {
    runner.answer(1, "", "sbatch: error: invalid partition specified: nosuch\n"
        + "sbatch: error: Batch job submission failed: Invalid partition name specified\n");
    assertThatThrownBy(() -> launcher.launch(job()))
        .isInstanceOf(SlurmRejected.class)
        .hasMessageContaining("Invalid partition name specified")
        .satisfies(e -> assertThat(((SlurmRejected) e).status()).isEqualTo(422));
  }

  @Test
  void anUnreachableControllerIsAnUnavailableDependency() {
    runner.answer(1, "", "sbatch: error: Batch job submission failed: Unable to contact slurm controller (connect failure)\n");
    assertThatThrownBy(() -> launcher.launch(job())).isInstanceOf(DependencyUnavailable.class);

    clock.advance(Duration.ofSeconds(4));
    runner.answer(0, "Slurmctld(primary) at localhost is UP\n", "");
    runner.fail(new CommandFailed("/opt/slurm/bin/squeue did not finish within 5000 ms"));
    assertThatThrownBy(() -> launcher.status(new JobId("1")))
        .isInstanceOf(DependencyUnavailable.class)
        .hasMessageContaining("did not finish");
  }

  @Test
  void sbatchWithoutAJobIdIsNotASuccess() {
    runner.answer(0, "Submitted batch job 5\n", "");
    assertThatThrownBy(() -> launcher.launch(job())).isInstanceOf(DependencyUnavailable.class).hasMessageContaining("no job id");
  }

  @Test
  void statusComesFromSqueueWhileTheJobIsQueued() {
    runner.answer(0, "17|RUNNING|None|node07|debug|5:00|0:03|argus-s1\n", "");
    var status = launcher.status(new JobId("17")).orElseThrow();
    assertThat(status.state()).isEqualTo(JobState.RUNNING);
    assertThat(status.nodeList()).contains("node07");
    assertThat(runner.commands.get(0).arguments())
        .containsExactly("/opt/slurm/bin/squeue", "-h", "-j", "17", "-o", SqueueParser.FORMAT);
  }

  @Test
  void anEndedJobIsLookedUpWithScontrol() throws Exception {
    runner.answer(0, "", "").answer(0, ParsersTest.captured("scontrol-failed.txt"), "");
    var status = launcher.status(new JobId("5")).orElseThrow();
    assertThat(status.state()).isEqualTo(JobState.FAILED);
    assertThat(status.reason()).contains("NonZeroExitCode");
    assertThat(runner.commands.get(1).arguments()).containsExactly("/opt/slurm/bin/scontrol", "show", "job", "5");
  }

  @Test
  void aJobSlurmHasForgottenHasNoStatus() {
    runner.answer(1, "", "slurm_load_jobs error: Invalid job id specified\n");
    assertThat(launcher.status(new JobId("99999"))).isEmpty();

    runner.answer(0, "", "").answer(1, "", "slurm_load_jobs error: Invalid job id specified\n");
    assertThat(launcher.status(new JobId("99998"))).isEmpty();
  }

  @Test
  void aJobIsListedOnlyWhileSqueuePrintsItAndNeverAsksScontrol() {
    runner.answer(0, "17|COMPLETING|None|node07|debug|5:00|0:03|argus-s1\n", "")
        .answer(0, "", "")
        .answer(1, "", "slurm_load_jobs error: Invalid job id specified\n");
    assertThat(launcher.listed(new JobId("17"))).as("completing").isTrue();
    assertThat(launcher.listed(new JobId("17"))).as("left the queue").isFalse();
    assertThat(launcher.listed(new JobId("17"))).as("forgotten").isFalse();
    assertThat(runner.commands).extracting(Command::program).containsOnly("/opt/slurm/bin/squeue");
  }

  @Test
  void cancelRunsScancel() {
    runner.answer(0, "", "");
    launcher.cancel(new JobId("17"));
    assertThat(runner.commands).extracting(Command::arguments).containsExactly(List.of("/opt/slurm/bin/scancel", "17"));
  }

  @Test
  void aFailedPingRefusesEveryCallThatNeedsTheControllerWithoutRunningAnything() {
    runner.fail(new CommandFailed("/opt/slurm/bin/scontrol did not finish within 2000 ms"));
    assertThatThrownBy(launcher::ping).isInstanceOf(DependencyUnavailable.class).hasMessageContaining("did not finish");
    Command ping = runner.commands.get(0);
    assertThat(ping.arguments()).containsExactly("/opt/slurm/bin/scontrol", "ping");
    assertThat(ping.timeout()).as("a ping has its own short timeout").isEqualTo(Duration.ofSeconds(2));

    clock.advance(Duration.ofMillis(1500));
    assertThatThrownBy(() -> launcher.launch(job()))
        .isInstanceOf(SlurmUnreachable.class)
        .hasMessageContaining("slurmctld did not answer at 2026-01-01T00:00:00Z", "did not finish within 2000 ms")
        .satisfies(e -> {
          SlurmUnreachable u = (SlurmUnreachable) e;
          assertThat(u.status()).isEqualTo(503);
          assertThat(u.retryAfter()).as("until the next ping may run").contains(Duration.ofMillis(2500));
        });
    assertThat(dir.resolve("s1")).as("nothing written for a refused launch").doesNotExist();
    assertThatThrownBy(() -> launcher.status(new JobId("17"))).isInstanceOf(SlurmUnreachable.class);
    assertThatThrownBy(() -> launcher.cancel(new JobId("17"))).isInstanceOf(SlurmUnreachable.class);
    assertThat(runner.commands).as("only the ping ran").hasSize(1);
  }

  @Test
  void onceTheRecheckIntervalHasPassedARefusedCallPingsAgainAndGoesThroughWhenTheControllerAnswers() {
    runner.answer(1, "", "Slurmctld(primary) at localhost is DOWN\n");
    assertThatThrownBy(launcher::ping).isInstanceOf(DependencyUnavailable.class).hasMessageContaining("is DOWN");

    clock.advance(Duration.ofSeconds(4));
    runner.fail(new CommandFailed("/opt/slurm/bin/scontrol did not finish within 2000 ms"));
    assertThatThrownBy(() -> launcher.cancel(new JobId("17")))
        .isInstanceOf(SlurmUnreachable.class)
        .hasMessageContaining("did not answer at 2026-01-01T00:00:04Z")
        .satisfies(e -> assertThat(((SlurmUnreachable) e).retryAfter()).contains(Duration.ofSeconds(4)));
    assertThat(runner.commands).extracting(Command::arguments)
        .containsExactly(List.of("/opt/slurm/bin/scontrol", "ping"), List.of("/opt/slurm/bin/scontrol", "ping"));

    clock.advance(Duration.ofSeconds(5));
    runner.answer(0, "Slurmctld(primary) at localhost is UP\n", "").answer(0, "", "");
    launcher.cancel(new JobId("17"));
    assertThat(runner.commands.subList(2, 4)).extracting(Command::arguments)
        .containsExactly(List.of("/opt/slurm/bin/scontrol", "ping"), List.of("/opt/slurm/bin/scancel", "17"));

    runner.answer(0, "", "");
    launcher.cancel(new JobId("18"));
    assertThat(runner.commands).as("a controller known to answer is not pinged before each call").hasSize(5);
  }

  @Test
  void aCommandThatCannotReachTheControllerMakesTheNextCallsFailFast() {
    runner.answer(1, "", "squeue: error: Unable to contact slurm controller (connect failure)\n");
    assertThatThrownBy(() -> launcher.status(new JobId("17"))).isInstanceOf(DependencyUnavailable.class)
        .isNotInstanceOf(SlurmUnreachable.class);
    assertThatThrownBy(() -> launcher.status(new JobId("17"))).isInstanceOf(SlurmUnreachable.class)
        .hasMessageContaining("Unable to contact slurm controller");
    assertThat(runner.commands).hasSize(1);

    clock.advance(Duration.ofSeconds(4));
    runner.answer(0, "Slurmctld(primary) at localhost is UP\n", "").answer(1, "", "sbatch: error: invalid partition specified: nosuch\n");
    assertThatThrownBy(() -> launcher.launch(job())).as("a refusal by SLURM is no sign of an unreachable controller")
        .isInstanceOf(SlurmRejected.class);
    runner.answer(1, "", "squeue: error: Invalid job id specified\n");
    assertThat(launcher.status(new JobId("17"))).as("still reachable after the refusal").isEmpty();
  }

  @Test
  void aPingThatSucceedsClearsAnEarlierFailure() {
    runner.fail(new CommandFailed("/opt/slurm/bin/scontrol did not finish within 2000 ms"));
    assertThatThrownBy(launcher::ping).isInstanceOf(DependencyUnavailable.class);
    runner.answer(0, "Slurmctld(primary) at localhost is UP\n", "").answer(0, "", "");
    launcher.ping();
    launcher.cancel(new JobId("17"));
    assertThat(runner.commands.get(2).arguments()).containsExactly("/opt/slurm/bin/scancel", "17");
  }
}

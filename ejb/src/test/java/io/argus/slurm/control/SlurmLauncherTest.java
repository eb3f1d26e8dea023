package io.argus.slurm.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.platform.control.DependencyUnavailable;
import io.argus.session.entity.PrometheusJob;
import io.argus.session.entity.SessionLayout;
import io.argus.slurm.entity.JobId;
import io.argus.slurm.entity.JobState;
import io.argus.slurm.entity.TimeLimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
          "/opt/slurm/bin/scancel", Optional.of(Path.of("/etc/ci/slurm.conf")), Duration.ofSeconds(5));
  private final SlurmLauncher launcher = new SlurmLauncher(settings, runner);

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
  void cancelRunsScancel() {
    runner.answer(0, "", "");
    launcher.cancel(new JobId("17"));
    assertThat(runner.commands).extracting(Command::arguments).containsExactly(List.of("/opt/slurm/bin/scancel", "17"));
  }
}

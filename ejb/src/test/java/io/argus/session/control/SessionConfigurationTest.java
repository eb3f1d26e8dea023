package io.argus.session.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.session.control.SessionConfiguration.LauncherChoice;
import io.argus.session.entity.LauncherKind;
import io.argus.slurm.control.ProcessRunner;
import io.argus.slurm.control.SlurmLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which launcher {@code argus.session.launcher} gives, with SLURM's binary directory pointing at a
 * temporary directory that holds a stand-in {@code sbatch} script, or none.
 */
class SessionConfigurationTest {

  @TempDir
  Path dir;

  /** The launcher as the application builds it from its settings, with SLURM's tools in {@code binDir}. */
  private static SlurmLauncher slurmIn(Path binDir) {
    var settings = new SessionSettings("auto", binDir.resolve("sessions"), binDir.resolve("artifacts"), "prometheus",
        Optional.empty(), Optional.empty(), Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(10),
        Duration.ofSeconds(30), 8, false, Optional.empty(), Optional.of(binDir), Duration.ofSeconds(10), Duration.ofSeconds(3),
        Duration.ofSeconds(5));
    return new SlurmLauncher(SessionConfiguration.slurmSettings(settings), new ProcessRunner());
  }

  /** An sbatch that notes every call in {@code calls}, then runs {@code body} for {@code --version}. */
  private void sbatch(String body) throws Exception {
    Path script = dir.resolve("sbatch");
    Files.writeString(script, "#!/bin/sh\necho \"$*\" >> '" + dir.resolve("calls") + "'\n[ \"$1\" = --version ] || exit 2\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** What auto picks with an sbatch that runs {@code body}; sbatch was asked exactly once, for its version. */
  private LauncherChoice autoWith(String body) throws Exception {
    sbatch(body);
    LauncherChoice choice = SessionConfiguration.chooseLauncher("auto", slurmIn(dir));
    assertThat(Files.readAllLines(dir.resolve("calls"))).containsExactly("--version");
    return choice;
  }

  @Test
  void autoTakesSlurmWhenSbatchAnswersAndSaysWhatItAnswered() throws Exception {
    LauncherChoice choice = autoWith("echo 'slurm 23.11.4'");
    assertThat(choice.kind()).isEqualTo(LauncherKind.SLURM);
    assertThat(choice.reason()).contains("auto", dir.resolve("sbatch") + " --version", "slurm 23.11.4");
  }

  @Test
  void autoTakesLocalWhenSbatchFailsAndSaysHow() throws Exception {
    LauncherChoice choice = autoWith("echo 'sbatch: error: libslurm.so: cannot open shared object file' >&2\nexit 1");
    assertThat(choice.kind()).isEqualTo(LauncherKind.LOCAL);
    assertThat(choice.reason()).contains("auto", dir.resolve("sbatch") + " --version failed (exit 1)", "libslurm.so");
  }

  @Test
  void autoTakesLocalWhenThereIsNoSbatchAtAll() {
    LauncherChoice choice = SessionConfiguration.chooseLauncher("auto", slurmIn(dir));
    assertThat(choice.kind()).isEqualTo(LauncherKind.LOCAL);
    assertThat(choice.reason()).contains("auto", "cannot run " + dir.resolve("sbatch"));
  }

  @Test
  void slurmAndLocalAreTakenAsConfiguredWithoutAskingSbatch() throws Exception {
    sbatch("echo 'slurm 23.11.4'");
    assertThat(SessionConfiguration.chooseLauncher("slurm", slurmIn(dir.resolve("nowhere"))).kind()).isEqualTo(LauncherKind.SLURM);
    assertThat(SessionConfiguration.chooseLauncher("local", slurmIn(dir)).kind()).isEqualTo(LauncherKind.LOCAL);
    assertThat(dir.resolve("calls")).doesNotExist();
  }

  @Test
  void anythingElseIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> SessionConfiguration.chooseLauncher("pbs", slurmIn(dir)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("argus.session.launcher").hasMessageContaining("'pbs'");
  }
}

package io.argus.slurm.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessRunnerTest {

  private final ProcessRunner runner = new ProcessRunner();

  private static Command command(Duration timeout, String... arguments) {
    return new Command(List.of(arguments), Map.of("ARGUS_PROBE", "from-env"), timeout);
  }

  @Test
  void argumentsReachTheProgramUninterpreted() {
    var result = runner.run(command(Duration.ofSeconds(10), "/bin/echo", "$HOME", "; id", "`id`"));
    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).isEqualTo("$HOME ; id `id`\n");
  }

  @Test
  void capturesBothStreamsTheExitCodeAndTheEnvironment() {
    var result = runner.run(command(Duration.ofSeconds(10), "/bin/sh", "-c", "echo out $ARGUS_PROBE; echo err >&2; exit 3"));
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stdout()).isEqualTo("out from-env\n");
    assertThat(result.stderr()).isEqualTo("err\n");
    assertThat(result.output()).isEqualTo("err\nout from-env");
  }

  @Test
  void aCommandThatOutlivesItsTimeoutIsKilled() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> runner.run(command(Duration.ofMillis(300), "/bin/sleep", "30")))
        .isInstanceOf(CommandFailed.class)
        .hasMessageContaining("did not finish within 300 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aMissingProgramIsACommandFailure() {
    assertThatThrownBy(() -> runner.run(command(Duration.ofSeconds(5), "/nonexistent/sbatch")))
        .isInstanceOf(CommandFailed.class)
        .hasMessageContaining("cannot run /nonexistent/sbatch");
  }
}

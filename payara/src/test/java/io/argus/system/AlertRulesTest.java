package io.argus.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus files under docker/prometheus as promtool sees them: the configuration and the
 * alert rules are valid, and the rules' unit tests (tests/*.test.yml) pass. Outside CI a machine
 * without promtool (Debian package {@code prometheus}) skips this and says so; under CI it fails.
 */
class AlertRulesTest {

  static final Path PROMETHEUS_DIR = Path.of("..", "docker", "prometheus").toAbsolutePath().normalize();
  static String promtool;

  @BeforeAll
  static void findPromtool() {
    promtool = Stream.of("/usr/bin/promtool", "/usr/local/bin/promtool")
        .filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
    Prerequisites.require(promtool != null,
        "promtool is not installed (src/ci/provision.sh installs the Debian package prometheus); the alert rules are not checked without it");
  }

  private static String run(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(promtool));
    command.addAll(args);
    Process p = new ProcessBuilder(command).directory(PROMETHEUS_DIR.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("promtool %s\n%s", args, out).isZero();
    return out;
  }

  private static List<String> files(String dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.list(PROMETHEUS_DIR.resolve(dir))) {
      return s.map(p -> dir + "/" + p.getFileName()).filter(n -> n.endsWith(suffix)).sorted().toList();
    }
  }

  @Test
  void theRulesAndTheScrapeConfigurationAreValid() throws Exception {
    List<String> rules = files("rules", ".yml");
    assertThat(rules).contains("rules/argus.rules.yml", "rules/gpu.rules.yml");
    List<String> args = new ArrayList<>(List.of("check", "rules"));
    args.addAll(rules);
    assertThat(run(args)).contains("SUCCESS");
    assertThat(run(List.of("check", "config", "prometheus.yml"))).contains("SUCCESS");
  }

  @Test
  void theRulesUnitTestsPass() throws Exception {
    List<String> tests = files("tests", ".test.yml");
    assertThat(tests).isNotEmpty();
    List<String> args = new ArrayList<>(List.of("test", "rules"));
    args.addAll(tests);
    assertThat(run(args)).contains("SUCCESS");
  }
}

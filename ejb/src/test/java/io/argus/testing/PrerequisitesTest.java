package io.argus.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class PrerequisitesTest {

  @Test
  void aPresentPrerequisiteLetsTheTestRunLocallyAndInCi() {
    assertThatCode(() -> Prerequisites.require(true, "sbatch on the PATH", Map.of())).doesNotThrowAnyException();
    assertThatCode(() -> Prerequisites.require(true, "sbatch on the PATH", Map.of("CI", "true"))).doesNotThrowAnyException();
  }

  @Test
  void aMissingPrerequisiteSkipsLocallyAndSaysWhat() {
    for (Map<String, String> local : List.of(Map.<String, String>of(), Map.of("CI", "false"), Map.of("CI", ""), Map.of("ARGUS_CI_STATE", "/tmp/x"))) {
      assertThatThrownBy(() -> Prerequisites.require(false, "sbatch on the PATH", local)).as(local.toString())
          .isExactlyInstanceOf(TestAbortedException.class).hasMessageContaining("sbatch on the PATH");
    }
  }

  @Test
  void aMissingPrerequisiteFailsUnderCiAndSaysWhat() {
    for (String ci : new String[] {"true", "TRUE", " true\n"}) {
      assertThatThrownBy(() -> Prerequisites.require(false, "no Prometheus at /usr/bin/prometheus", Map.of("CI", ci)))
          .isExactlyInstanceOf(AssertionFailedError.class)
          .hasMessageContaining("no Prometheus at /usr/bin/prometheus").hasMessageContaining("CI=true");
    }
  }
}

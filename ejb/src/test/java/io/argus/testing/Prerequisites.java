package io.argus.testing;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * What a test needs from the machine (SLURM, Prometheus, Chromium, root, …). On a developer's
 * machine a missing prerequisite skips the test and says why; under CI ({@code CI=true}, as CI
 * runs {@code .ci/run}) it fails the test, so that a tool the provisioning did not bring up cannot
 * pass unnoticed as a skip.
 */
public final class Prerequisites {

  private Prerequisites() {}

  /**
   * Returns when {@code present}; otherwise skips the calling test, or fails it under CI.
   *
   * @param missing what is missing and how to get it, as the skip or failure message says it
   */
  public static void require(boolean present, String missing) {
    require(present, missing, System.getenv());
  }

  static void require(boolean present, String missing, Map<String, String> environment) {
    if (present) {
      return;
    }
    if (underCi(environment)) {
      throw new AssertionFailedError("Missing prerequisite (CI=true, so this fails instead of skipping): " + missing);
    }
    Assumptions.abort("Skipped, missing prerequisite: " + missing);
  }

  /** Whether the tests run in CI, where nothing they need may be missing. */
  public static boolean underCi(Map<String, String> environment) {
    return "true".equalsIgnoreCase(environment.getOrDefault("CI", "").strip());
  }
}

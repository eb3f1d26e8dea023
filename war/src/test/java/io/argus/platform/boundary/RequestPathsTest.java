package io.argus.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathsTest {

  @ParameterizedTest
  @ValueSource(strings = {"/health/../metrics", "/health/..;/stats", "/health/%2e%2e/stats", "/health/%2E%2E/metrics", "/health/.%2e/stats",
      "/health/..%2fstats", "/health%2F..%2Fstats", "/health/./ready", "/api/v1/sessions/..", "/api/v1/sessions/%2e", "/a/..;x=1/b",
      "/health\\..\\stats", "/health%5c..%5cstats", "/api/v1/sessions/a%2F..%2F..%2Fb"})
  void dotSegmentsInAnySpellingAreFound(String raw) {
    assertThat(RequestPaths.hasDotSegment(raw)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "", "/health/ready", "/api/v1/sessions/run-1", "/api/v1/sessions/.hidden", "/a/...", "/a/..b", "/a/b..",
      "/console/app.js", "//stats", "/health/%252e%252e/stats", "/api/v1/sessions/a%3Bb"})
  void ordinaryPathsPass(String raw) {
    assertThat(RequestPaths.hasDotSegment(raw)).isFalse();
  }
}

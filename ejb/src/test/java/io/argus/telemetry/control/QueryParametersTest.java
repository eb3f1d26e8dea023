package io.argus.telemetry.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.platform.control.InvalidParameter;
import io.argus.telemetry.entity.Aggregation;
import io.argus.telemetry.entity.GpuSelector;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The query API's parameter parsing. Bad inputs tried: limit 0, -1, 100001, 99999999999, "ten", "1.5",
 * ""; step 0, -5, 0.5s, 1500ms, "soon", "P1Y", 400d; agg "median", ""; timestamps "yesterday",
 * "2026-13-01T00:00:00Z", "2026-11-24T00:00:00" (no offset), ""; end before start, end equal to
 * start; both start and start_time; uuids with spaces, quotes, slashes at the start, 97 characters;
 * a seven-digit index; cursors of another kind, with extra parts, non-base64, too long, negative ids.
 */
class QueryParametersTest {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  private static String parameterOf(Runnable r) {
    try {
      r.run();
    } catch (InvalidParameter e) {
      return e.parameter().orElseThrow();
    }
    throw new AssertionError("accepted");
  }

  @Test
  void limitDefaultsAndBounds() {
    assertThat(QueryParameters.limit("limit", null, 10_000, 100_000)).isEqualTo(10_000);
    assertThat(QueryParameters.limit("limit", "100000", 10_000, 100_000)).isEqualTo(100_000);
    assertThat(QueryParameters.limit("limit", " 7 ", 10_000, 100_000)).isEqualTo(7);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "100001", "99999999999", "ten", "1.5", "", "1e3"})
  void badLimitsAreRefusedNamingLimit(String value) {
    assertThat(parameterOf(() -> QueryParameters.limit("limit", value, 10_000, 100_000))).isEqualTo("limit");
  }

  @Test
  void stepsInEveryAcceptedSpelling() {
    assertThat(QueryParameters.step("step", "60")).contains(Duration.ofSeconds(60));
    assertThat(QueryParameters.step("step", "60s")).contains(Duration.ofSeconds(60));
    assertThat(QueryParameters.step("step", "5m")).contains(Duration.ofMinutes(5));
    assertThat(QueryParameters.step("step", "1h")).contains(Duration.ofHours(1));
    assertThat(QueryParameters.step("step", "1d")).contains(Duration.ofDays(1));
    assertThat(QueryParameters.step("step", "PT1M")).contains(Duration.ofMinutes(1));
    assertThat(QueryParameters.step("step", "2000ms")).contains(Duration.ofSeconds(2));
    assertThat(QueryParameters.step("step", null)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "0.5s", "1500ms", "soon", "P1Y", "400d", "PT-1S", "", "PT0.5S"})
  void badStepsAreRefusedNamingStep(String value) {
    assertThat(parameterOf(() -> QueryParameters.step("step", value))).isEqualTo("step");
  }

  @Test
  void aggregations() {
    assertThat(Aggregation.parse("agg", "LAST")).isEqualTo(Aggregation.LAST);
    assertThat(parameterOf(() -> Aggregation.parse("agg", "median"))).isEqualTo("agg");
    assertThat(parameterOf(() -> Aggregation.parse("agg", ""))).isEqualTo("agg");
  }

  @Test
  void windowDefaultsToTheLastDayAndAcceptsTheDeprecatedNames() {
    QueryParameters.Window w = QueryParameters.window(null, null, null, null, NOW);
    assertThat(w.start()).isEqualTo(NOW.minus(Duration.ofHours(24)));
    assertThat(w.end()).isEqualTo(NOW);
    assertThat(w.deprecatedNames()).isFalse();

    QueryParameters.Window old = QueryParameters.window(null, null, "2026-11-24T10:00:00+02:00", null, NOW);
    assertThat(old.start()).isEqualTo(Instant.parse("2026-11-24T08:00:00Z"));
    assertThat(old.end()).isEqualTo(NOW);
    assertThat(old.deprecatedNames()).isTrue();
  }

  @Test
  void badWindowsNameTheParameterAtFault() {
    assertThat(parameterOf(() -> QueryParameters.window("yesterday", null, null, null, NOW))).isEqualTo("start_time");
    assertThat(parameterOf(() -> QueryParameters.window(null, "2026-13-01T00:00:00Z", null, null, NOW)))
        .isEqualTo("end_time");
    assertThat(parameterOf(() -> QueryParameters.window("2026-11-24T00:00:00", null, null, null, NOW)))
        .isEqualTo("start_time");
    assertThat(parameterOf(() -> QueryParameters.window("", null, null, null, NOW))).isEqualTo("start_time");
    assertThat(parameterOf(() -> QueryParameters.window("2026-11-24T10:00:00Z", "2026-11-24T09:00:00Z", null, null, NOW)))
        .isEqualTo("end_time");
    assertThat(parameterOf(() -> QueryParameters.window("2026-11-24T10:00:00Z", "2026-11-24T10:00:00Z", null, null, NOW)))
        .isEqualTo("end_time");
    assertThat(parameterOf(() -> QueryParameters.window(null, null, "2026-11-24T10:00:00Z", "2026-11-24T09:00:00Z", NOW)))
        .isEqualTo("end");
    assertThat(parameterOf(() -> QueryParameters.window("2026-11-24T10:00:00Z", null, "2026-11-24T10:00:00Z", null, NOW)))
        .isEqualTo("start");
  }

  @Test
  void gpuSelectors() {
    assertThat(GpuSelector.parse("gpu", "3")).isEqualTo(new GpuSelector.ByIndex(3));
    assertThat(GpuSelector.parse("gpu", "GPU-11111111-2222-3333-4444-555555555555"))
        .isEqualTo(new GpuSelector.ByUuid("GPU-11111111-2222-3333-4444-555555555555"));
    assertThat(GpuSelector.parse("gpu", "11111111-2222-3333-4444-55555555555A"))
        .isEqualTo(new GpuSelector.ByUuid("GPU-11111111-2222-3333-4444-55555555555a"));
    for (String bad : new String[] {"GPU 1", "\"x\"", "/etc/passwd", "x".repeat(97), "1234567", ""}) {
      assertThat(parameterOf(() -> GpuSelector.parse("gpu", bad))).as(bad).isEqualTo("gpu");
    }
  }

  @Test
  void cursorsRoundTripAndHostileOnesAreRefused() {
    String c = Cursor.encode("r", 1_700_000_000_000_000L, 42, 7);
    assertThat(Cursor.decode(c, "r", 3)).containsExactly("1700000000000000", "42", "7");
    assertThat(Cursor.decode(Cursor.encode("g", "node.a", 0, "GPU-1"), "g", 3)).containsExactly("node.a", "0", "GPU-1");
    for (String bad : new String[] {c.replaceFirst("r", "a"), c + ".AA", "r.!!.AA.AA", "x".repeat(2000), "r", "",
        "r.$$$.AA.AA", "../../etc"}) {
      assertThatThrownBy(() -> Cursor.decode(bad, "r", 3)).as(bad).isInstanceOf(InvalidParameter.class)
          .extracting(e -> ((InvalidParameter) e).parameter().orElseThrow()).isEqualTo("cursor");
    }
    assertThatThrownBy(() -> Cursor.number("-4", 0)).isInstanceOf(InvalidParameter.class);
    assertThatThrownBy(() -> Cursor.number("12abc", 0)).isInstanceOf(InvalidParameter.class);
  }

  @Test
  void sourceUrls() {
    assertThat(SourceUrls.validate("url", "http://node-a:9400/metrics").getHost()).isEqualTo("node-a");
    for (String bad : new String[] {"ftp://x/metrics", "file:///etc/passwd", "http:///metrics", "http://user:pw@x/m",
        "node-a:9400", "", "http://x/#frag", "gopher://x", "javascript:alert(1)", "http://x:99999/"}) {
      assertThat(parameterOf(() -> SourceUrls.validate("url", bad))).as(bad).isEqualTo("url");
    }
  }
}

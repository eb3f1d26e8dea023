package io.argus.session.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.session.entity.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WindowCollectorTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void aTenMinuteWindowAtOneSecondIsOneQuery() {
    var slices = WindowCollector.slices(new TimeWindow(T0, T0.plusSeconds(600)), Duration.ofSeconds(1));
    assertThat(slices).hasSize(1);
    assertThat(slices.get(0)).containsExactly(T0, T0.plusSeconds(600));
  }

  @Test
  void longWindowsAreCutUnderPrometheusPointLimitWithoutReadingAPointTwice() {
    var slices = WindowCollector.slices(new TimeWindow(T0, T0.plusSeconds(25_000)), Duration.ofSeconds(1));
    assertThat(slices).hasSize(3);
    assertThat(slices.get(0)).containsExactly(T0, T0.plusSeconds(9_999));
    assertThat(slices.get(1)).containsExactly(T0.plusSeconds(10_000), T0.plusSeconds(19_999));
    assertThat(slices.get(2)).containsExactly(T0.plusSeconds(20_000), T0.plusSeconds(25_000));
    for (Instant[] s : slices) {
      assertThat(Duration.between(s[0], s[1]).toSeconds() + 1).isLessThanOrEqualTo(WindowCollector.MAX_POINTS_PER_QUERY);
    }
  }
}

package io.argus.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339Test {

  @Test
  void acceptsUtcAndOffsetsAndLowerCaseSeparators() {
    assertThat(Rfc3339.parse("start_time", "2026-01-31T12:00:00Z")).isEqualTo(Instant.parse("2026-01-31T12:00:00Z"));
    assertThat(Rfc3339.parse("start_time", "2026-01-31T14:00:00.5+02:00")).isEqualTo(Instant.parse("2026-01-31T12:00:00.5Z"));
    assertThat(Rfc3339.parse("start_time", "2026-01-31t12:00:00z")).isEqualTo(Instant.parse("2026-01-31T12:00:00Z"));
    assertThat(Rfc3339.parse("start_time", "2026-01-31 12:00:00Z")).isEqualTo(Instant.parse("2026-01-31T12:00:00Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-01-31T12:00:00", "2026-01-31", "yesterday", "1700000000", "2026-13-01T00:00:00Z", "", " "})
  void rejectsWhatIsNotAnRfc3339DateTimeWithAnOffsetNamingTheParameter(String value) {
    assertThatThrownBy(() -> Rfc3339.parse("end_time", value))
        .isInstanceOfSatisfying(InvalidParameter.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.parameter()).contains("end_time");
          assertThat(e.detail()).contains("end_time").contains("RFC 3339");
        });
  }

  @Test
  void longRejectedValuesAreAbbreviatedInTheMessage() {
    String hostile = "x".repeat(10_000);
    assertThatThrownBy(() -> Rfc3339.parse("start", hostile)).hasMessageNotContaining(hostile).hasMessageContaining("…");
  }

  @Test
  void formatsInUtcWithZ() {
    assertThat(Rfc3339.format(Instant.parse("2026-11-24T05:26:12.003Z"))).isEqualTo("2026-11-24T05:26:12.003Z");
    assertThat(Rfc3339.utc(Instant.EPOCH).getOffset().getTotalSeconds()).isZero();
  }
}

package io.argus.host.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnknownsTest {

  @Test
  void minusOneCountsAreAbsentButZeroIsAValue() {
    assertThat(Unknowns.count(-1)).isEmpty();
    assertThat(Unknowns.count(0)).hasValue(0);
    assertThat(Unknowns.count(42)).hasValue(42);
  }

  @Test
  void zeroAndNegativeSpeedsAreAbsent() {
    assertThat(Unknowns.positive(0)).isEmpty();
    assertThat(Unknowns.positive(-1)).isEmpty();
    assertThat(Unknowns.positive(1_000_000_000L)).hasValue(1_000_000_000L);
  }

  @Test
  void frequenciesAreConvertedToMegahertzAndUnknownOnesDropped() {
    assertThat(Unknowns.hertzToMegahertz(2_596_154_000L)).hasValue(2596.154);
    assertThat(Unknowns.hertzToMegahertz(-1)).isEmpty();
    assertThat(Unknowns.hertzToMegahertz(0)).isEmpty();
  }

  @Test
  void temperatureWithoutASensorIsAbsent() {
    assertThat(Unknowns.temperature(0.0)).isEmpty();
    assertThat(Unknowns.temperature(Double.NaN)).isEmpty();
    assertThat(Unknowns.temperature(-1.0)).isEmpty();
    assertThat(Unknowns.temperature(Double.POSITIVE_INFINITY)).isEmpty();
    assertThat(Unknowns.temperature(54.5)).hasValue(54.5);
  }

  @Test
  void negativeLoadAveragesAreAbsent() {
    double[] windows = {-1, -1, -1};
    double[] linux = {1.5, 0.0, 0.25};

    assertThat(Unknowns.load(windows, 0)).isEmpty();
    assertThat(Unknowns.load(linux, 0)).hasValue(1.5);
    assertThat(Unknowns.load(linux, 1)).hasValue(0.0);
    assertThat(Unknowns.load(linux, 3)).isEmpty();
  }

  @Test
  void unknownTextIsAbsent() {
    assertThat(Unknowns.text("unknown")).isEmpty();
    assertThat(Unknowns.text("Unknown ")).isEmpty();
    assertThat(Unknowns.text("")).isEmpty();
    assertThat(Unknowns.text(null)).isEmpty();
    assertThat(Unknowns.text(" Samsung SSD ")).hasValue("Samsung SSD");
  }

  @Test
  void percentOfNothingIsAbsent() {
    assertThat(Unknowns.percent(0, 0)).isEmpty();
    assertThat(Unknowns.percent(1, 4)).hasValue(25.0);
  }
}

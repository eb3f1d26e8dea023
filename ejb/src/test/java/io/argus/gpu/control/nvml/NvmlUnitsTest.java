package io.argus.gpu.control.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class NvmlUnitsTest {

  @Test
  void milliwattsBecomeWatts() {
    assertThat(NvmlUnits.wattsFromMilliwatts(OptionalLong.of(612_345))).hasValue(612.345);
    assertThat(NvmlUnits.wattsFromMilliwatts(OptionalLong.empty())).isEmpty();
  }

  @Test
  void energyIsAnUnsigned64BitMillijouleCounter() {
    assertThat(NvmlUnits.joulesFromMillijoules(OptionalLong.of(123_456_789))).hasValue(123_456.789);
    long above2to63 = new BigDecimal("18446744073709551000").longValue();
    assertThat(above2to63).isNegative();
    assertThat(NvmlUnits.joulesFromMillijoules(OptionalLong.of(above2to63)))
        .hasValueCloseTo(18_446_744_073_709_551.0, within(4.0));
    assertThat(NvmlUnits.joulesFromMillijoules(OptionalLong.of(-1L))).isEmpty();
  }

  @Test
  void megahertzBecomeHertz() {
    assertThat(NvmlUnits.hertzFromMegahertz(OptionalLong.of(1980))).hasValue(1_980_000_000L);
  }

  @Test
  void pcieKilobytesAreBinary() {
    assertThat(NvmlUnits.bytesPerSecondFromKilobytes(OptionalLong.of(34_000)))
        .hasValue(34_816_000L);
  }

  @Test
  void notAvailableSentinelIsAbsent() {
    assertThat(NvmlUnits.counter(OptionalLong.of(-1L))).isEmpty();
    assertThat(NvmlUnits.counter(OptionalLong.of(12))).hasValue(12);
    assertThat(NvmlUnits.instanceId(0xFFFFFFFF)).isEmpty();
    assertThat(NvmlUnits.instanceId(13)).hasValue(13);
  }

  @Test
  void unknownPerformanceStateIsAbsent() {
    assertThat(NvmlUnits.performanceState(OptionalLong.of(0))).hasValue(0);
    assertThat(NvmlUnits.performanceState(OptionalLong.of(15))).hasValue(15);
    assertThat(NvmlUnits.performanceState(OptionalLong.of(32))).isEmpty();
  }

  @Test
  void cudaVersionIsDecoded() {
    assertThat(NvmlUnits.cudaVersion(12040)).isEqualTo("12.4");
    assertThat(NvmlUnits.cudaVersion(10010)).isEqualTo("10.1");
    assertThat(NvmlUnits.cudaVersion(13000)).isEqualTo("13.0");
  }

  @Test
  void pciBusIdUsesNvmlsFormat() {
    assertThat(NvmlUnits.pciBusId(0, 0x1b, 0)).isEqualTo("00000000:1B:00.0");
    assertThat(NvmlUnits.pciBusId(1, 0xdb, 2)).isEqualTo("00000001:DB:02.0");
  }
}

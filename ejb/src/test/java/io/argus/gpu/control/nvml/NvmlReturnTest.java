package io.argus.gpu.control.nvml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NvmlReturnTest {

  @Test
  void unsupportedAndForbiddenValuesAreAbsentNotFatal() {
    for (NvmlReturn r : new NvmlReturn[] {NvmlReturn.NOT_SUPPORTED, NvmlReturn.NO_PERMISSION,
        NvmlReturn.FUNCTION_NOT_FOUND, NvmlReturn.DEPRECATED}) {
      assertThat(r.absentForSession()).as(r.name()).isTrue();
      assertThat(r.lifecycle()).as(r.name()).isFalse();
    }
  }

  @Test
  void lostGpuAndDriverFailuresRestartNvml() {
    for (NvmlReturn r : new NvmlReturn[] {NvmlReturn.GPU_IS_LOST, NvmlReturn.UNKNOWN,
        NvmlReturn.DRIVER_NOT_LOADED, NvmlReturn.UNINITIALIZED,
        NvmlReturn.LIB_RM_VERSION_MISMATCH, NvmlReturn.GPU_NOT_FOUND,
        NvmlReturn.RESET_REQUIRED}) {
      assertThat(r.lifecycle()).as(r.name()).isTrue();
      assertThat(r.absentForSession()).as(r.name()).isFalse();
    }
  }

  @Test
  void transientErrorsAreNeitherCachedNorFatal() {
    for (NvmlReturn r : new NvmlReturn[] {NvmlReturn.INVALID_ARGUMENT, NvmlReturn.TIMEOUT,
        NvmlReturn.INSUFFICIENT_SIZE, NvmlReturn.NOT_FOUND, NvmlReturn.UNRECOGNIZED}) {
      assertThat(r.lifecycle()).as(r.name()).isFalse();
      assertThat(r.absentForSession()).as(r.name()).isFalse();
    }
  }

  @Test
  void codesMapToTheirNames() {
    assertThat(NvmlReturn.of(0)).isEqualTo(NvmlReturn.SUCCESS);
    assertThat(NvmlReturn.of(3)).isEqualTo(NvmlReturn.NOT_SUPPORTED);
    assertThat(NvmlReturn.of(15)).isEqualTo(NvmlReturn.GPU_IS_LOST);
    assertThat(NvmlReturn.of(30)).isEqualTo(NvmlReturn.RESET_TYPE_NOT_SUPPORTED);
    assertThat(NvmlReturn.of(999)).isEqualTo(NvmlReturn.UNKNOWN);
    assertThat(NvmlReturn.of(31)).isEqualTo(NvmlReturn.UNRECOGNIZED);
    assertThat(NvmlReturn.of(-7)).isEqualTo(NvmlReturn.UNRECOGNIZED);
    assertThat(NvmlReturn.nameOf(31)).isEqualTo("CODE_31");
    assertThat(NvmlReturn.nameOf(4)).isEqualTo("NO_PERMISSION");
  }
}

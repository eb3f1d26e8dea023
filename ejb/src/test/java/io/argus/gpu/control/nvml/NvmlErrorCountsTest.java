package io.argus.gpu.control.nvml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NvmlErrorCountsTest {

  @Test
  void countsErrorsByNameAndIgnoresSuccess() {
    NvmlErrorCounts counts = new NvmlErrorCounts();
    counts.record(0);
    counts.record(3);
    counts.record(3);
    counts.record(15);
    counts.record(42);

    assertThat(counts.snapshot())
        .isEqualTo(Map.of("CODE_42", 1L, "GPU_IS_LOST", 1L, "NOT_SUPPORTED", 2L));
  }
}

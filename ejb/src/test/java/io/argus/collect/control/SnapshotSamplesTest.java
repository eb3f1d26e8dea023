package io.argus.collect.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.collect.entity.Snapshot;
import io.argus.collect.entity.Snapshots;
import io.argus.gpu.entity.ProcessOwner;
import io.argus.telemetry.entity.Attribution;
import io.argus.telemetry.entity.SampleRow;
import io.argus.telemetry.entity.Subject;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnapshotSamplesTest {

  @Test
  void everyPresentGpuValueBecomesOneSampleUnderTheDictionaryName() {
    SnapshotSamples.Batch batch = SnapshotSamples.of(Snapshots.h100());
    assertThat(batch.gpus()).singleElement().satisfies(g -> {
      assertThat(g.uuid()).isEqualTo(Snapshots.UUID);
      assertThat(g.device()).isEqualTo("nvidia0");
      assertThat(g.driverVersion()).isEqualTo("550.54.15");
      assertThat(g.hostname()).isEqualTo("gpu-node-1");
      assertThat(g.memoryTotalBytes()).isEqualTo(85_520_809_984L);
    });
    assertThat(batch.host().nodeId()).isEqualTo("gpu-node-1");
    var gpuRows = batch.samples().stream().filter(r -> r.series().subject() instanceof Subject.Gpu).toList();
    assertThat(gpuRows).extracting(SampleRow::metric)
        .contains("gpu_utilization_percent", "gpu_memory_used_bytes", "gpu_temperature_celsius", "gpu_power_watts",
            "gpu_energy_joules_total", "gpu_xid_last")
        .doesNotContain("gpu_fan_speed_percent", "gpu_memory_reserved_bytes") // absent: no sample, never a sentinel
        .doesNotHaveDuplicates();
    assertThat(gpuRows).filteredOn(r -> r.metric().equals("gpu_power_watts")).singleElement()
        .satisfies(r -> assertThat(r.value()).isEqualTo(612.345));
    assertThat(gpuRows).allSatisfy(r -> assertThat(r.time()).isEqualTo(Snapshots.h100().time()));
  }

  @Test
  void aGpuWhoseProcessesShareOneOwnerIsAttributedToIt() {
    Snapshot base = Snapshots.h100();
    ProcessOwner owner = new ProcessOwner(4242, Optional.of("c0ffee"), Optional.of("containerd"), Optional.of("pod-uid-1"),
        Optional.of("ml"), Optional.of("4711"), Optional.empty(), Optional.empty());
    Snapshot owned = new Snapshot(base.time(), base.nodeId(), base.info(), base.host(), base.gpus(), Map.of(4242L, owner),
        base.xids(), base.took());
    SampleRow row = SnapshotSamples.of(owned).samples().stream()
        .filter(r -> r.metric().equals("gpu_utilization_percent")).findFirst().orElseThrow();
    assertThat(row.series().attribution()).isEqualTo(new Attribution("c0ffee", "pod-uid-1", "ml", "4711"));

    SampleRow unowned = SnapshotSamples.of(base).samples().stream()
        .filter(r -> r.metric().equals("gpu_utilization_percent")).findFirst().orElseThrow();
    assertThat(unowned.series().attribution()).isEqualTo(Attribution.NONE);
  }
}

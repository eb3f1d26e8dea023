package io.argus.telemetry.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.telemetry.entity.Attribution;
import io.argus.telemetry.entity.GpuInventoryEntry;
import io.argus.telemetry.entity.SampleRow;
import io.argus.telemetry.entity.SeriesKey;
import io.argus.telemetry.entity.Subject;
import io.argus.telemetry.entity.TelemetryBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The buffer's bounds (memory, then spill files, then drops) and the drain's retries. */
class SampleBufferTest {

  private static final Instant T = Instant.parse("2026-11-24T00:00:00Z");

  static TelemetryBatch batch(int samples, int offset) {
    SeriesKey key = new SeriesKey(new Subject.Gpu("GPU-a"), new Attribution("c", "p", "ns", "42"),
        new TreeMap<>(Map.of("rank", "0", "odd", "tab\there")));
    List<SampleRow> rows = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      rows.add(new SampleRow(T.plusMillis(offset + i), key, i % 2 == 0 ? "gpu_power_watts" : "DCGM_FI_DEV_FB_USED",
          offset + i + 0.25));
    }
    return new TelemetryBatch(rows, List.of(new GpuInventoryEntry("GPU-a", 0, "nvidia0", "H100", "node-a", null, null,
        80L << 30, null, null)), List.of(), T.plusSeconds(offset));
  }

  @Test
  void memoryThenSpillThenDropAndEverythingComesBackInOrder(@TempDir Path dir) {
    SampleBuffer buffer = new SampleBuffer(10, dir, 4_000);
    assertThat(buffer.offer(batch(6, 0))).isEqualTo(SampleBuffer.Outcome.BUFFERED);
    assertThat(buffer.offer(batch(6, 100))).isEqualTo(SampleBuffer.Outcome.SPILLED);
    SampleBuffer.Outcome third;
    int spilled = 1;
    while ((third = buffer.offer(batch(6, 100 * (spilled + 1)))) == SampleBuffer.Outcome.SPILLED) {
      spilled++;
    }
    assertThat(third).isEqualTo(SampleBuffer.Outcome.DROPPED);
    assertThat(buffer.stats().droppedSamples()).isEqualTo(6);
    assertThat(buffer.stats().backlog()).isEqualTo(6 + 6L * spilled);

    List<TelemetryBatch> out = new ArrayList<>();
    for (SampleBuffer.Chunk c = buffer.peek(100); !c.isEmpty(); c = buffer.peek(100)) {
      out.addAll(c.batches());
      buffer.remove(c);
    }
    assertThat(out).hasSize(1 + spilled);
    assertThat(out.get(1)).isEqualTo(batch(6, 100)); // the spill file gives back exactly what went in
    assertThat(buffer.stats().backlog()).isZero();
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void spillFilesOfAnEarlierProcessAreWrittenByTheNext(@TempDir Path dir) {
    SampleBuffer first = new SampleBuffer(5, dir, 1 << 20);
    first.offer(batch(4, 0));
    first.offer(batch(4, 10)); // spilled
    assertThat(first.spillMemory()).isEqualTo(4); // shutdown
    SampleBuffer next = new SampleBuffer(5, dir, 1 << 20);
    assertThat(next.stats().spilledSamples()).isEqualTo(8);
    long samples = 0;
    for (SampleBuffer.Chunk c = next.peek(100); !c.isEmpty(); c = next.peek(100)) {
      samples += c.samples();
      next.remove(c);
    }
    assertThat(samples).isEqualTo(8);
  }

  @Test
  void anUnreadableSpillFileIsSetAsideNotRetriedForever(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(String.format("spill-%019d-%d.bin", 1, 3)), "garbage");
    SampleBuffer buffer = new SampleBuffer(5, dir, 1 << 20);
    assertThat(buffer.peek(100).isEmpty()).isTrue();
    assertThat(Files.exists(dir.resolve(String.format("spill-%019d-%d.bin.bad", 1, 3)))).isTrue();
  }

  @Test
  void theDrainKeepsBatchesWhileTheStoreFailsAndBacksOff(@TempDir Path dir) throws Exception {
    SampleBuffer buffer = new SampleBuffer(100, dir, 1 << 20);
    buffer.offer(batch(3, 0));
    buffer.offer(batch(3, 10));
    List<Integer> attempts = new ArrayList<>();
    boolean[] down = {true};
    BufferDrain drain = new BufferDrain(buffer, batches -> {
      attempts.add(batches.size());
      if (down[0]) {
        throw new SQLTransientConnectionException("connection refused", "08001");
      }
      return new SampleWriter.Result(batches.stream().mapToInt(TelemetryBatch::size).sum(), List.of());
    }, 4, Duration.ofMillis(500), Duration.ofMillis(2000));

    assertThat(drain.drain(Duration.ofSeconds(1))).isZero();
    assertThat(drain.drain(Duration.ofSeconds(1))).as("backing off: no attempt").isZero();
    assertThat(attempts).hasSize(1);
    assertThat(drain.status().failing()).isTrue();
    assertThat(buffer.stats().backlog()).isEqualTo(6);

    down[0] = false;
    Thread.sleep(700);
    assertThat(drain.drain(Duration.ofSeconds(1))).isEqualTo(6);
    assertThat(attempts).containsExactly(1, 1, 1); // chunk of at most 4 samples: one batch at a time
    assertThat(buffer.stats().backlog()).isZero();
    assertThat(drain.status().failing()).isFalse();
  }

  @Test
  void aChunkRefusedForItsContentIsSetAsideAfterThreeAttempts(@TempDir Path dir) {
    SampleBuffer buffer = new SampleBuffer(100, dir, 1 << 20);
    buffer.offer(batch(3, 0));
    BufferDrain drain = new BufferDrain(buffer, batches -> {
      throw new SQLException("value out of range", "22003");
    }, 10, Duration.ZERO, Duration.ZERO);
    for (int i = 0; i < 3; i++) {
      drain.drain(Duration.ofSeconds(1));
    }
    assertThat(buffer.stats().backlog()).isZero();
    assertThat(drain.status().setAside()).isEqualTo(3);
    assertThat(BufferDrain.refusedForContent(new SQLException("terminating connection", "57P01"))).isFalse();
    assertThat(BufferDrain.refusedForContent(new SQLException("not currently accepting connections", "55000"))).isFalse();
    assertThat(BufferDrain.refusedForContent(new SQLException("pool exhausted"))).isFalse();
    assertThat(BufferDrain.refusedForContent(new SQLException("duplicate key", "23505"))).isTrue();
  }

  @Test
  void ingestReceiptsRoundTrip() {
    var report = new io.argus.telemetry.entity.IngestReport(5, 3, 1, 1,
        List.of(new io.argus.telemetry.entity.IngestReport.RowFailure(4, "value", "value \"x\"\tis not a number")), false);
    var back = BatchIngest.decode(BatchIngest.encode(report));
    assertThat(back.stored()).isEqualTo(3);
    assertThat(back.errors()).singleElement().satisfies(e -> {
      assertThat(e.row()).isEqualTo(4);
      assertThat(e.field()).isEqualTo("value");
      assertThat(e.reason()).isEqualTo("value \"x\" is not a number");
    });
  }
}

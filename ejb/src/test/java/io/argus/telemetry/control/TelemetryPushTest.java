package io.argus.telemetry.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.telemetry.entity.TelemetryBatch;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryPushTest {

  @Test
  void thePushUrlIsAnApiNodeOrItsIngestEndpoint() {
    assertThat(TelemetryPush.endpoint("http://api:8080")).isEqualTo(URI.create("http://api:8080/api/v1/telemetry"));
    assertThat(TelemetryPush.endpoint("https://lb.example/argus/")).isEqualTo(URI.create("https://lb.example/argus/api/v1/telemetry"));
    assertThat(TelemetryPush.endpoint(" http://api:8080/api/v1/telemetry ")).isEqualTo(URI.create("http://api:8080/api/v1/telemetry"));
    for (String bad : List.of("ftp://api/", "api:8080", "http://user:secret@api/", "http:///nohost", "not a url")) {
      assertThatThrownBy(() -> TelemetryPush.endpoint(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("argus.telemetry.push.url").hasMessageNotContaining("secret");
    }
  }

  @Test
  void aBatchTravelsWithItsNodeAndTheSameBatchAlwaysHasTheSameKey() throws Exception {
    TelemetryBatch batch = SampleBufferTest.batch(5, 0);
    TelemetryBatch reported = new TelemetryBatch(batch.rows().stream()
        .map(r -> new io.argus.telemetry.entity.SampleRow(r.time(), r.series().reportedBy("gpu-node-7"), r.metric(), r.value()))
        .toList(), batch.gpus(), batch.hosts(), batch.seenAt());
    byte[] body = TelemetryPush.encode(reported);
    TelemetryBatch back = SpillCodec.read(new DataInputStream(new ByteArrayInputStream(body)));
    assertThat(back.rows()).isEqualTo(reported.rows());
    assertThat(back.rows().get(0).series().node()).isEqualTo("gpu-node-7");
    assertThat(TelemetryPush.idempotencyKey(body)).isEqualTo(TelemetryPush.idempotencyKey(TelemetryPush.encode(reported)))
        .isNotEqualTo(TelemetryPush.idempotencyKey(TelemetryPush.encode(SampleBufferTest.batch(5, 1))))
        .matches("argus-batch-[0-9a-f]{64}");
  }

  @Test
  void aDurableBufferHasEveryBatchOnDiskAtOnceAndAProcessStartedLaterFindsThemInOrder(@TempDir Path dir) {
    SampleBuffer spool = new SampleBuffer(100, dir, 1 << 20, true);
    spool.offer(SampleBufferTest.batch(3, 0));
    spool.offer(SampleBufferTest.batch(4, 10));
    assertThat(spool.stats().memorySamples()).isZero();
    assertThat(spool.stats().spilledSamples()).isEqualTo(7);
    // no shutdown: the process is gone (SIGKILL); the next one reads the spool
    SampleBuffer next = new SampleBuffer(100, dir, 1 << 20, true);
    SampleBuffer.Chunk first = next.peek(4);
    assertThat(first.samples()).isEqualTo(3);
    assertThat(first.batches().get(0).rows()).isEqualTo(SampleBufferTest.batch(3, 0).rows());
    next.remove(first);
    assertThat(next.peek(1000).samples()).isEqualTo(4);
  }

  @Test
  void aChunkHandedOutIsHandedOutUnchangedUntilRemovedEvenAfterACrashAndMoreBatches(@TempDir Path dir) {
    SampleBuffer spool = new SampleBuffer(100, dir, 1 << 20, true);
    spool.offer(SampleBufferTest.batch(3, 0));
    spool.offer(SampleBufferTest.batch(4, 10));
    SampleBuffer.Chunk sent = spool.peek(1000);
    assertThat(sent.samples()).isEqualTo(7);
    byte[] body = TelemetryPush.encode(TelemetryPush.merge(sent.batches()));
    spool.offer(SampleBufferTest.batch(5, 20)); // arrives while the push is unanswered
    assertThat(spool.peek(1000).spillFiles()).isEqualTo(sent.spillFiles());
    // the process dies before the answer; the next one sends the same chunk, byte for byte
    SampleBuffer next = new SampleBuffer(100, dir, 1 << 20, true);
    SampleBuffer.Chunk again = next.peek(1000);
    assertThat(again.spillFiles()).isEqualTo(sent.spillFiles());
    assertThat(TelemetryPush.encode(TelemetryPush.merge(again.batches()))).isEqualTo(body);
    next.remove(again);
    assertThat(next.peek(1000).samples()).isEqualTo(5);
  }

  @Test
  void theCountsAreReadFromTheIngestReport() {
    String report = "{\"received\":196,\"stored\":190,\"absent\":0,\"rejected\":6,\"replayed\":true,\"errors\":[]}";
    assertThat(TelemetryPush.count(report, "stored")).isEqualTo(190);
    assertThat(TelemetryPush.count(report, "rejected")).isEqualTo(6);
    assertThatThrownBy(() -> TelemetryPush.count("{}", "stored")).isInstanceOf(IllegalStateException.class);
  }
}

package io.argus.telemetry.control;

import io.argus.platform.control.StartedBeans;
import io.argus.telemetry.entity.GpuInventoryEntry;
import io.argus.telemetry.entity.HostInventoryEntry;
import io.argus.telemetry.entity.SampleRow;
import io.argus.telemetry.entity.TelemetryBatch;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The hand-off from producers (the on-node collector, source scrapes) to the sample store: a
 * bounded buffer drained by a batch writer on a timer.
 *
 * <p>Contract of {@link #offer}: it never blocks on the database and never throws for a full buffer.
 * A batch is kept in memory while the memory backlog stays within
 * {@code argus.telemetry.buffer.max-samples}, otherwise written to a spill file under
 * {@code argus.telemetry.buffer.spill-dir} while the spill files stay within
 * {@code argus.telemetry.buffer.max-spill-bytes}; only beyond both is it dropped, counted in
 * {@code argus_telemetry_samples_dropped_total} and logged. The writer stores batches in arrival
 * order (memory, then spill files), a chunk of up to {@code argus.telemetry.writer.batch-samples}
 * samples per transaction (COPY on PostgreSQL), upserting the batch's GPUs and hosts first; when the
 * database is away it retries with back-off and nothing is lost. Samples whose GPU or host is
 * neither in the batch's inventory nor already known, or whose metric is not in the dictionary,
 * are refused by the store and counted, not retried. Callers may reuse nothing they passed in:
 * the lists are copied.
 */
@Singleton
@Startup
@DependsOn("Database")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class TelemetryBuffer {

  private static final Logger LOG = Logger.getLogger(TelemetryBuffer.class.getName());

  @Inject
  @ConfigProperty(name = "argus.telemetry.buffer.max-samples", defaultValue = "1000000")
  int maxSamples;

  @Inject
  @ConfigProperty(name = "argus.telemetry.buffer.spill-dir")
  Optional<String> spillDir;

  @Inject
  @ConfigProperty(name = "argus.data.dir", defaultValue = "./data")
  String dataDir;

  @Inject
  @ConfigProperty(name = "argus.telemetry.buffer.max-spill-bytes", defaultValue = "1073741824")
  long maxSpillBytes;

  @Inject
  @ConfigProperty(name = "argus.telemetry.writer.batch-samples", defaultValue = "50000")
  int batchSamples;

  @Inject
  @ConfigProperty(name = "argus.telemetry.writer.interval", defaultValue = "PT0.5S")
  Duration interval;

  @Inject
  @ConfigProperty(name = "argus.telemetry.writer.max-backoff", defaultValue = "PT30S")
  Duration maxBackoff;

  @Inject
  @ConfigProperty(name = "argus.telemetry.push.url")
  Optional<String> pushUrl;

  @Inject
  @ConfigProperty(name = "argus.telemetry.push.key")
  Optional<String> pushKey;

  @Inject
  @ConfigProperty(name = "argus.telemetry.push.timeout", defaultValue = "PT30S")
  Duration pushTimeout;

  @Inject
  TelemetryStore store;

  @Inject
  MetricRegistry metrics;

  @Resource
  TimerService timers;

  private SampleBuffer buffer;
  private BufferDrain drain;
  private Counter dropped;
  private Counter written;
  private final AtomicBoolean draining = new AtomicBoolean();
  private Optional<java.net.URI> pushing = Optional.empty();

  @PostConstruct
  void start() {
    Path spill = Path.of(spillDir.filter(s -> !s.isBlank()).orElse(dataDir + "/spill")).toAbsolutePath().normalize();
    Optional<TelemetryPush> push = pushUrl.filter(u -> !u.isBlank())
        .map(u -> new TelemetryPush(TelemetryPush.endpoint(u), pushKey, pushTimeout));
    // pushing, every batch is spooled to disk first: the API node may be away for long, and a
    // collector killed meanwhile must lose nothing
    buffer = new SampleBuffer(maxSamples, spill, maxSpillBytes, push.isPresent());
    BufferDrain.Store sink = push.isPresent() ? push.get() : batches -> store.writer().writeBatches(batches);
    drain = new BufferDrain(buffer, sink, batchSamples, Duration.ofMillis(Math.max(100, interval.toMillis())), maxBackoff);
    pushing = push.map(TelemetryPush::url);
    dropped = metrics.counter("argus_telemetry_samples_dropped");
    written = metrics.counter("argus_telemetry_samples_written");
    metrics.gauge("argus_telemetry_buffer_samples", buffer, b -> b.stats().memorySamples());
    metrics.gauge("argus_telemetry_buffer_spilled_samples", buffer, b -> b.stats().spilledSamples());
    // the first drain after the application is up: a spool replayed from an earlier run should
    // not compete with the deployment
    timers.createIntervalTimer(Math.max(2_000, interval.toMillis()), interval.toMillis(), new TimerConfig("telemetry-writer", false));
    if (pushing.isPresent()) {
      LOG.info(() -> "Telemetry is pushed to " + pushing.get() + ", spooled first to " + spill + " (up to "
          + maxSpillBytes + " bytes, then " + maxSamples + " samples in memory)");
    } else {
      LOG.info(() -> "Telemetry buffer: " + maxSamples + " samples in memory, then up to " + maxSpillBytes
          + " bytes spilled to " + spill);
    }
    StartedBeans.started(TelemetryBuffer.class);
  }

  /**
   * Hands samples to the store without blocking (see the class documentation for the contract).
   *
   * @param rows the samples; metric by Argus name or alias, value in that name's unit
   * @param gpus the GPUs the samples name, upserted before them (may be empty when already known)
   * @param hosts the hosts the samples name, upserted before them (may be empty when already known)
   * @param seenAt when those GPUs and hosts were seen (their last_seen)
   * @return where the batch went: memory, a spill file, or dropped
   */
  public SampleBuffer.Outcome offer(
      List<SampleRow> rows, List<GpuInventoryEntry> gpus, List<HostInventoryEntry> hosts, Instant seenAt) {
    TelemetryBatch batch = new TelemetryBatch(rows, gpus, hosts, seenAt);
    SampleBuffer.Outcome outcome = buffer.offer(batch);
    if (outcome == SampleBuffer.Outcome.DROPPED) {
      dropped.inc(batch.size());
    }
    return outcome;
  }

  /** Where batches go when they are not written to the database here: the API node's ingest endpoint. */
  public Optional<java.net.URI> pushUrl() {
    return pushing;
  }

  /** The backlog and drop counts. */
  public SampleBuffer.Stats stats() {
    return buffer.stats();
  }

  /** How the writer is doing. */
  public BufferDrain.Status writerStatus() {
    return drain.status();
  }

  /** Writes what is buffered now (tests and shutdown); returns the samples written. */
  public long flush(Duration budget) {
    return runDrain(budget);
  }

  @Timeout
  void tick(Timer timer) {
    // one writer interval per tick: the timer threads are shared with the collector, and a drain
    // catching up after an outage for 5 s held the collector's ticks back for as long
    runDrain(Duration.ofMillis(Math.max(250, interval.toMillis())));
  }

  private long runDrain(Duration budget) {
    if (!draining.compareAndSet(false, true)) {
      return 0;
    }
    try {
      long n = drain.drain(budget);
      if (n > 0) {
        written.inc(n);
      }
      return n;
    } finally {
      draining.set(false);
    }
  }

  @PreDestroy
  void stop() {
    StartedBeans.stopped(TelemetryBuffer.class);
    for (Timer t : timers.getTimers()) {
      t.cancel();
    }
    runDrain(Duration.ofSeconds(5));
    int moved = buffer.spillMemory();
    if (moved > 0) {
      LOG.warning(() -> "Telemetry buffer: " + moved + " unwritten samples kept in spill files for the next start");
    }
  }
}

package io.argus.telemetry.control;

import io.argus.telemetry.entity.TelemetryBatch;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves batches from a {@link SampleBuffer} to the store, a chunk per transaction. When the store
 * fails, the chunk stays in the buffer and the next attempt waits, doubling from {@code minBackoff}
 * up to {@code maxBackoff}; the first success resets the wait. A chunk that the database refuses
 * for its content (not for being unreachable) three times is set aside and counted, so that it
 * cannot stop everything behind it.
 */
public final class BufferDrain {

  private static final Logger LOG = Logger.getLogger(BufferDrain.class.getName());
  private static final int POISON_ATTEMPTS = 3;

  /**
   * The store as the drain sees it: writes batches in one transaction (or pushes them to an API
   * node) or throws; an {@link IOException} means unreachable, so the chunk is retried.
   */
  @FunctionalInterface
  public interface Store {
    SampleWriter.Result write(List<TelemetryBatch> batches) throws SQLException, IOException;
  }

  /** How the writer is doing, for readiness and metrics. */
  public record Status(
      boolean failing, int consecutiveFailures, String lastError, Instant lastSuccess, long written, long rejected,
      long setAside) {}

  private final SampleBuffer buffer;
  private final Store store;
  private final int chunkSamples;
  private final Duration minBackoff;
  private final Duration maxBackoff;

  private int failures;
  private int contentFailures;
  private long nextAttemptNanos = Long.MIN_VALUE;
  private String lastError;
  private Instant lastSuccess;
  private long written;
  private long rejected;
  private long setAside;

  public BufferDrain(SampleBuffer buffer, Store store, int chunkSamples, Duration minBackoff, Duration maxBackoff) {
    this.buffer = buffer;
    this.store = store;
    this.chunkSamples = chunkSamples;
    this.minBackoff = minBackoff;
    this.maxBackoff = maxBackoff;
  }

  /**
   * Writes chunks until the buffer is empty, the store fails, or {@code budget} has passed; does
   * nothing while a back-off is running. Returns the samples written.
   */
  public synchronized long drain(Duration budget) {
    long now = System.nanoTime();
    if (nextAttemptNanos != Long.MIN_VALUE && now - nextAttemptNanos < 0) {
      return 0;
    }
    long deadline = now + budget.toNanos();
    long done = 0;
    do {
      SampleBuffer.Chunk chunk = buffer.peek(chunkSamples);
      if (chunk.isEmpty()) {
        break;
      }
      try {
        SampleWriter.Result result = store.write(chunk.batches());
        buffer.remove(chunk);
        done += result.written();
        written += result.written();
        rejected += result.rejected().size();
        if (!result.rejected().isEmpty() && LOG.isLoggable(Level.FINE)) {
          LOG.fine(result.rejected().size() + " sample(s) refused by the store, first: " + result.rejected().get(0).reason());
        }
        if (failures > 0) {
          LOG.info("Telemetry store writable again after " + failures + " failed attempt(s)");
        }
        failures = 0;
        contentFailures = 0;
        nextAttemptNanos = Long.MIN_VALUE;
        lastError = null;
        lastSuccess = Instant.now();
      } catch (SQLException | IOException | RuntimeException e) {
        failures++;
        lastError = String.valueOf(e.getMessage());
        if (refusedForContent(e) && ++contentFailures >= POISON_ATTEMPTS) {
          LOG.log(Level.SEVERE, "The store refused a chunk of " + chunk.samples() + " samples " + POISON_ATTEMPTS
              + " times for its content; setting it aside: " + lastError, e);
          buffer.remove(chunk);
          setAside += chunk.samples();
          contentFailures = 0;
          continue;
        }
        long wait = Math.min(maxBackoff.toNanos(), minBackoff.toNanos() << Math.min(20, failures - 1));
        nextAttemptNanos = System.nanoTime() + wait;
        if (failures == 1) {
          LOG.warning("Telemetry store not writable; keeping " + buffer.stats().backlog()
              + " samples and retrying with back-off: " + lastError);
        } else {
          LOG.fine(() -> "Telemetry store still not writable (attempt " + failures + "): " + lastError);
        }
        break;
      }
    } while (System.nanoTime() - deadline < 0);
    return done;
  }

  public synchronized Status status() {
    return new Status(failures > 0, failures, lastError, lastSuccess, written, rejected, setAside);
  }

  /**
   * A refusal for the data itself (SQL states 22xxx data exception, 23xxx integrity violation) or a
   * defect (an unchecked exception): retrying the same chunk cannot help. Everything else (no
   * connection, database not accepting connections, server shutting down, pool exhausted) can.
   */
  static boolean refusedForContent(Throwable e) {
    if (e instanceof SQLException sql) {
      String state = sql.getSQLState();
      return state != null && (state.startsWith("22") || state.startsWith("23"));
    }
    return e instanceof RuntimeException;
  }
}

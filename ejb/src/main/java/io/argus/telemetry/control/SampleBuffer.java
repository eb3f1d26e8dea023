package io.argus.telemetry.control;

import io.argus.telemetry.entity.TelemetryBatch;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The samples on their way to the store: up to {@code maxSamples} in memory, then batches spilled to
 * files in {@code spillDir} (up to {@code maxSpillBytes}), then dropped and counted. Spill files left by
 * an earlier process are picked up again. Any number of producers; one consumer
 * ({@link #peek} then {@link #remove}).
 */
public final class SampleBuffer {

  private static final Logger LOG = Logger.getLogger(SampleBuffer.class.getName());
  private static final Pattern SPILL_NAME = Pattern.compile("spill-(\\d{19})-(\\d+)\\.bin");
  /** The spool files of the chunk a durable buffer handed out last, so that a retry sends exactly them again. */
  static final String IN_FLIGHT = "in-flight.txt";

  /** Where an offered batch went. */
  public enum Outcome { BUFFERED, SPILLED, DROPPED }

  /** Figures for health checks and metrics. */
  public record Stats(long memorySamples, long spilledSamples, long spillBytes, long droppedSamples, long droppedBatches) {
    public long backlog() {
      return memorySamples + spilledSamples;
    }
  }

  /** Batches handed to the consumer; give them back to {@link #remove} once they are stored. */
  public record Chunk(List<TelemetryBatch> batches, List<Path> spillFiles, int samples) {
    public boolean isEmpty() {
      return batches.isEmpty();
    }
  }

  private final int maxSamples;
  private final Path spillDir;
  private final long maxSpillBytes;
  private final boolean durable;

  private final ArrayDeque<TelemetryBatch> memory = new ArrayDeque<>();
  private final TreeMap<Long, Path> spillFiles = new TreeMap<>();
  private long memorySamples;
  private long spilledSamples;
  private long spillBytes;
  private long droppedSamples;
  private long droppedBatches;
  private long spillSequence;
  private long lastDropLogNanos = Long.MIN_VALUE;

  public SampleBuffer(int maxSamples, Path spillDir, long maxSpillBytes) {
    this(maxSamples, spillDir, maxSpillBytes, false);
  }

  /**
   * @param durable every batch goes to a spill file first (a spool that survives the process being
   *     killed), memory only when the file cannot be written
   */
  public SampleBuffer(int maxSamples, Path spillDir, long maxSpillBytes, boolean durable) {
    if (maxSamples < 1) {
      throw new IllegalArgumentException("maxSamples must be positive");
    }
    this.maxSamples = maxSamples;
    this.spillDir = spillDir;
    this.maxSpillBytes = maxSpillBytes;
    this.durable = durable;
    recover();
  }

  /** Takes a batch without blocking: into memory while it fits, else into a spill file, else dropped (durable: file first). */
  public synchronized Outcome offer(TelemetryBatch batch) {
    if (batch.size() == 0) {
      return Outcome.BUFFERED;
    }
    if (durable && memory.isEmpty() && spill(batch)) {
      return Outcome.SPILLED;
    }
    if (memorySamples + batch.size() <= maxSamples) {
      memory.addLast(batch);
      memorySamples += batch.size();
      return Outcome.BUFFERED;
    }
    if (spill(batch)) {
      return Outcome.SPILLED;
    }
    droppedSamples += batch.size();
    droppedBatches++;
    long now = System.nanoTime();
    if (lastDropLogNanos == Long.MIN_VALUE || now - lastDropLogNanos > 10_000_000_000L) {
      lastDropLogNanos = now;
      LOG.warning(() -> "Telemetry buffer full (" + memorySamples + " samples in memory, " + spillBytes
          + " bytes spilled): dropped a batch of " + batch.size() + " samples; " + droppedSamples + " dropped in all");
    }
    return Outcome.DROPPED;
  }

  /**
   * The oldest batches up to about {@code maxChunkSamples} samples (at least one batch); empty when
   * nothing waits. A durable buffer's files are older than its memory (memory is only used while
   * files cannot be written), so they come first there.
   */
  public synchronized Chunk peek(int maxChunkSamples) {
    if (durable) {
      // files that wait but cannot be handed out as a recorded chunk wait for the next peek: sent
      // unrecorded, a retry could group them differently and the receiver would store them twice
      Chunk spooled = spoolChunk(maxChunkSamples);
      return !spooled.isEmpty() || !spillFiles.isEmpty() || memory.isEmpty() ? spooled : memoryChunk(maxChunkSamples);
    }
    if (!memory.isEmpty()) {
      return memoryChunk(maxChunkSamples);
    }
    while (!spillFiles.isEmpty()) {
      Path file = spillFiles.firstEntry().getValue();
      try {
        TelemetryBatch batch = read(file);
        return new Chunk(List.of(batch), List.of(file), batch.size());
      } catch (IOException | RuntimeException e) {
        setAside(spillFiles.firstKey(), file, e);
      }
    }
    return new Chunk(List.of(), List.of(), 0);
  }

  private Chunk memoryChunk(int maxChunkSamples) {
    List<TelemetryBatch> batches = new ArrayList<>();
    int samples = 0;
    for (TelemetryBatch b : memory) {
      if (!batches.isEmpty() && samples + b.size() > maxChunkSamples) {
        break;
      }
      batches.add(b);
      samples += b.size();
    }
    return new Chunk(batches, List.of(), samples);
  }

  /**
   * The oldest spool files up to about {@code maxChunkSamples} samples, as one chunk whose file list
   * is recorded before it is handed out: until it is removed, every peek (in this process or the
   * next, after a crash) returns exactly these files, so a retry carries exactly the same batches
   * and the receiver can recognise it.
   */
  private Chunk spoolChunk(int maxChunkSamples) {
    Path marker = spillDir == null ? null : spillDir.resolve(IN_FLIGHT);
    while (!spillFiles.isEmpty()) {
      List<Path> files = new ArrayList<>();
      try {
        if (Files.exists(marker)) {
          for (String name : Files.readAllLines(marker)) {
            Path f = spillDir.resolve(name);
            if (!name.isBlank() && spillFiles.containsValue(f)) {
              files.add(f);
            }
          }
        }
        if (files.isEmpty()) {
          long samples = 0;
          for (Path f : spillFiles.values()) {
            long n = samplesOf(f);
            if (!files.isEmpty() && samples + n > maxChunkSamples) {
              break;
            }
            files.add(f);
            samples += n;
          }
          Path tmp = spillDir.resolve(IN_FLIGHT + ".tmp");
          Files.write(tmp, files.stream().map(f -> f.getFileName().toString()).toList());
          Files.move(tmp, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        LOG.log(Level.WARNING, "Cannot record the spool chunk in flight in " + spillDir + ": " + e.getMessage());
        return new Chunk(List.of(), List.of(), 0);
      }
      List<TelemetryBatch> batches = new ArrayList<>();
      int samples = 0;
      boolean readable = true;
      for (Path f : files) {
        try {
          TelemetryBatch b = read(f);
          batches.add(b);
          samples += b.size();
        } catch (IOException | RuntimeException e) {
          seqOf(f).ifPresent(seq -> setAside(seq, f, e));
          readable = false;
          break;
        }
      }
      if (readable) {
        return new Chunk(batches, files, samples);
      }
      try {
        Files.deleteIfExists(marker); // the chunk is formed again without the unreadable file
      } catch (IOException ignored) {
        // the next peek fails the same way and says so
      }
    }
    return new Chunk(List.of(), List.of(), 0);
  }

  private static TelemetryBatch read(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      return SpillCodec.read(in);
    }
  }

  private void setAside(long seq, Path file, Exception e) {
    LOG.log(Level.SEVERE, "Unreadable spill file " + file + " set aside as " + file + ".bad", e);
    forgetSpill(seq, file);
    try {
      Files.move(file, file.resolveSibling(file.getFileName() + ".bad"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException ignored) {
      // nothing more to do: it is out of the queue
    }
  }

  private java.util.Optional<Long> seqOf(Path file) {
    return spillFiles.entrySet().stream().filter(e -> e.getValue().equals(file)).map(java.util.Map.Entry::getKey).findFirst();
  }

  private static long samplesOf(Path file) {
    Matcher m = SPILL_NAME.matcher(file.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(2)) : 0;
  }

  /** Removes a chunk from {@link #peek} once it is stored. */
  public synchronized void remove(Chunk chunk) {
    if (!chunk.spillFiles().isEmpty()) {
      for (Path file : chunk.spillFiles()) {
        seqOf(file).ifPresent(seq -> forgetSpill(seq, file));
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      try {
        Files.deleteIfExists(spillDir.resolve(IN_FLIGHT));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    for (TelemetryBatch b : chunk.batches()) {
      TelemetryBatch head = memory.pollFirst();
      if (head != b) {
        throw new IllegalStateException("buffer removed out of order");
      }
      memorySamples -= b.size();
    }
  }

  /**
   * Moves what is in memory to spill files (at shutdown, so that the next start writes it); the
   * spill bound does not apply here, since the alternative is losing the samples. Returns the
   * samples moved.
   */
  public synchronized int spillMemory() {
    int moved = 0;
    while (!memory.isEmpty()) {
      TelemetryBatch b = memory.peekFirst();
      if (!spill(b, true)) {
        break;
      }
      memory.pollFirst();
      memorySamples -= b.size();
      moved += b.size();
    }
    return moved;
  }

  public synchronized Stats stats() {
    return new Stats(memorySamples, spilledSamples, spillBytes, droppedSamples, droppedBatches);
  }

  private boolean spill(TelemetryBatch batch) {
    return spill(batch, false);
  }

  private boolean spill(TelemetryBatch batch, boolean unbounded) {
    if (spillDir == null || (!unbounded && spillBytes >= maxSpillBytes)) {
      return false;
    }
    long seq = ++spillSequence;
    Path file = spillDir.resolve(String.format("spill-%019d-%d.bin", seq, batch.size()));
    Path tmp = spillDir.resolve(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(spillDir);
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
        SpillCodec.write(out, batch);
      }
      long size = Files.size(tmp);
      if (!unbounded && spillBytes + size > maxSpillBytes) {
        Files.deleteIfExists(tmp);
        return false;
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      spillFiles.put(seq, file);
      spilledSamples += batch.size();
      spillBytes += size;
      return true;
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot spill telemetry to " + spillDir + ": " + e.getMessage());
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // best effort
      }
      return false;
    }
  }

  private void forgetSpill(long seq, Path file) {
    spillFiles.remove(seq);
    Matcher m = SPILL_NAME.matcher(file.getFileName().toString());
    if (m.matches()) {
      spilledSamples -= Long.parseLong(m.group(2));
    }
    try {
      spillBytes -= Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      // the count corrects itself when the directory is read again at the next start
    }
    spillBytes = Math.max(0, spillBytes);
  }

  /** Re-queues spill files an earlier process left, oldest first. */
  private void recover() {
    if (spillDir == null || !Files.isDirectory(spillDir)) {
      return;
    }
    try (Stream<Path> files = Files.list(spillDir)) {
      files.forEach(f -> {
        Matcher m = SPILL_NAME.matcher(f.getFileName().toString());
        if (m.matches()) {
          long seq = Long.parseLong(m.group(1));
          spillFiles.put(seq, f);
          spilledSamples += Long.parseLong(m.group(2));
          try {
            spillBytes += Files.size(f);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          spillSequence = Math.max(spillSequence, seq);
        }
      });
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot read the spill directory " + spillDir, e);
    }
    if (!spillFiles.isEmpty()) {
      LOG.info(() -> "Telemetry buffer: " + spillFiles.size() + " spill file(s) with " + spilledSamples
          + " samples from an earlier run will be written");
    }
  }
}

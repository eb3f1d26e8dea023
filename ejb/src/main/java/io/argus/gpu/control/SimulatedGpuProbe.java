package io.argus.gpu.control;

import io.argus.gpu.entity.DriverVersions;
import io.argus.gpu.entity.GpuClocks;
import io.argus.gpu.entity.GpuIdentity;
import io.argus.gpu.entity.GpuMemory;
import io.argus.gpu.entity.GpuProcess;
import io.argus.gpu.entity.GpuReadout;
import io.argus.gpu.entity.GpuSnapshot;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;

/** Plausible, slowly moving H100-like GPUs for demos and benchmarks on hosts without a GPU. */
public final class SimulatedGpuProbe implements GpuProbe {

  // Every value is a pure function of the seed and the time since creation, so two probes with
  // the same seed and clock agree, and energy is the exact integral of power (it only grows).

  public static final String BACKEND = "simulated";

  private static final long MEMORY_TOTAL = 85_520_809_984L;
  private static final long MEMORY_RESERVED = 650_117_120L;
  private static final double IDLE_WATTS = 70;
  private static final double MAX_WATTS = 700;
  private static final long MAX_SM_MHZ = 1980;
  private static final long MEMORY_MHZ = 2619;
  private static final long CLOCK_REASON_IDLE = 0x1;
  private static final long CLOCK_REASON_POWER_CAP = 0x4;

  private final int count;
  private final long seed;
  private final InstantSource clock;
  private final Instant start;
  private final double[] phase;
  private final double[] omega;
  private boolean closed;

  public SimulatedGpuProbe(int count) {
    this(count, 1L, InstantSource.system());
  }

  public SimulatedGpuProbe(int count, long seed, InstantSource clock) {
    if (count < 0) {
      throw new IllegalArgumentException("GPU count must not be negative: " + count);
    }
    this.count = count;
    this.seed = seed;
    this.clock = clock;
    this.start = clock.instant();
    Random random = new Random(seed);
    this.phase = new double[count];
    this.omega = new double[count];
    for (int i = 0; i < count; i++) {
      phase[i] = random.nextDouble() * 2 * Math.PI;
      // one load cycle every 2 to 10 minutes, different per GPU
      omega[i] = 2 * Math.PI / (120 + random.nextDouble() * 480);
    }
  }

  @Override
  public String backend() {
    return BACKEND;
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public synchronized GpuReadout read() {
    if (closed) {
      throw new IllegalStateException("simulated probe is closed");
    }
    Instant now = clock.instant();
    double t = Duration.between(start, now).toNanos() / 1e9;
    List<GpuSnapshot> gpus = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      gpus.add(snapshot(i, t));
    }
    DriverVersions versions =
        new DriverVersions(Optional.of("simulated"), Optional.of("simulated"), Optional.empty());
    return new GpuReadout(now, BACKEND, true, versions, gpus, List.of(), List.of());
  }

  @Override
  public Map<String, Long> errorCounts() {
    return Map.of();
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  /** Load in [0.05, 0.95]: a sine per GPU. */
  private double load(int i, double t) {
    return 0.5 + 0.45 * Math.sin(omega[i] * t + phase[i]);
  }

  private double watts(double load) {
    return IDLE_WATTS + (MAX_WATTS - IDLE_WATTS) * load;
  }

  /** The integral of {@link #watts} over [0, t], plus a per-GPU energy since "driver load". */
  private double joules(int i, double t) {
    double span = MAX_WATTS - IDLE_WATTS;
    double mean = IDLE_WATTS + span * 0.5;
    double wave = span * 0.45 * (Math.cos(phase[i]) - Math.cos(omega[i] * t + phase[i])) / omega[i];
    return 1.0e6 * (i + 1) + mean * t + wave;
  }

  private GpuSnapshot snapshot(int i, double t) {
    double load = load(i, t);
    int utilization = (int) Math.round(100 * load);
    long used = MEMORY_RESERVED + (long) ((MEMORY_TOTAL - MEMORY_RESERVED) * (0.1 + 0.8 * load));
    long processMemory = used - MEMORY_RESERVED;
    long smMhz = Math.round(MAX_SM_MHZ * (0.6 + 0.4 * load));
    long reasons = load < 0.1 ? CLOCK_REASON_IDLE : load > 0.9 ? CLOCK_REASON_POWER_CAP : 0;
    GpuIdentity identity = new GpuIdentity(i,
        "GPU-" + UUID.nameUUIDFromBytes(("argus-simulated-" + seed + "-" + i)
            .getBytes(StandardCharsets.UTF_8)),
        Optional.of("NVIDIA H100 80GB HBM3 (simulated)"),
        Optional.of(String.format("SIM%010d", i)),
        Optional.of(String.format("00000000:%02X:00.0", 0x18 + 0x10 * i)),
        OptionalInt.of(i));
    return new GpuSnapshot(
        identity,
        OptionalInt.of(utilization),
        OptionalInt.of((int) Math.round(60 * load)),
        new GpuMemory(OptionalLong.of(MEMORY_TOTAL), OptionalLong.of(used),
            OptionalLong.of(MEMORY_TOTAL - used), OptionalLong.of(MEMORY_RESERVED)),
        OptionalInt.of((int) Math.round(35 + 45 * load)),
        OptionalDouble.of(watts(load)),
        OptionalDouble.of(MAX_WATTS),
        OptionalDouble.of(joules(i, t)),
        new GpuClocks(OptionalLong.of(smMhz * 1_000_000), OptionalLong.of(smMhz * 1_000_000),
            OptionalLong.of(MEMORY_MHZ * 1_000_000), OptionalLong.of(MAX_SM_MHZ * 1_000_000),
            OptionalLong.of(MAX_SM_MHZ * 1_000_000), OptionalLong.of(MEMORY_MHZ * 1_000_000)),
        OptionalInt.of((int) Math.round(30 + 50 * load)),
        OptionalInt.of(load < 0.1 ? 2 : 0),
        OptionalInt.of(0),
        OptionalInt.of(0),
        OptionalLong.of((long) (load * 12e9)),
        OptionalLong.of((long) (load * 24e9)),
        OptionalLong.of(0),
        OptionalLong.of(0),
        OptionalLong.of(reasons),
        List.of(new GpuProcess(10_000 + i, OptionalLong.of(processMemory), OptionalInt.empty(),
            OptionalInt.empty())),
        false,
        List.of());
  }
}

import io.argus.telemetry.control.SampleWriter;
import io.argus.telemetry.control.TelemetryPush;
import io.argus.telemetry.entity.Attribution;
import io.argus.telemetry.entity.GpuInventoryEntry;
import io.argus.telemetry.entity.HostInventoryEntry;
import io.argus.telemetry.entity.SampleRow;
import io.argus.telemetry.entity.SeriesKey;
import io.argus.telemetry.entity.Subject;
import io.argus.telemetry.entity.TelemetryBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The fleet simulator: N simulated Argus collectors, each with 8 GPUs x 20 metrics sampled at 1 Hz,
 * pushing one batch per node per second to a running Argus API node through the real push path
 * (TelemetryPush: the binary batch, an Idempotency-Key per batch, POST /api/v1/telemetry, which
 * stores it through BatchIngest and COPY). Run by fleet.sh (docs/benchmarks.md, "Cluster").
 *
 * <p>Usage: {@code FleetSimulator <base-url> <nodes> <seconds> [cpu-match] [argus-pid] [push-seconds]};
 * with push-seconds k > 1 each node sends k seconds of samples in one push every k seconds (a
 * collector with {@code argus.telemetry.writer.interval=PTkS}). Prints one
 * line of figures. A second whose batches are not all stored before the next begins is late; the
 * run's lag is how long after its last second the last batch was stored. cpu-match: a text of the
 * database server's command lines (its cluster name) whose processes' CPU is reported as a share
 * of the machine, as is the Argus process's.
 */
public class FleetSimulator {

  static final int GPUS = 8;
  static final List<String> METRICS = List.of("gpu_utilization_percent", "gpu_memory_utilization_percent",
      "gpu_memory_used_bytes", "gpu_memory_free_bytes", "gpu_memory_total_bytes", "gpu_memory_reserved_bytes",
      "gpu_temperature_celsius", "gpu_memory_temperature_celsius", "gpu_power_watts", "gpu_power_limit_watts",
      "gpu_energy_joules_total", "gpu_sm_clock_hz", "gpu_memory_clock_hz", "gpu_graphics_clock_hz",
      "gpu_fan_speed_percent", "gpu_encoder_utilization_percent", "gpu_decoder_utilization_percent",
      "gpu_pcie_tx_bytes_per_second", "gpu_pcie_rx_bytes_per_second", "gpu_pcie_replay_total");

  record Node(String id, List<GpuInventoryEntry> gpus, HostInventoryEntry host, List<SeriesKey> series) {
    static Node of(int i) {
      String id = String.format("sim-%05d", i);
      List<GpuInventoryEntry> gpus = new ArrayList<>();
      List<SeriesKey> series = new ArrayList<>();
      for (int g = 0; g < GPUS; g++) {
        String uuid = "GPU-" + UUID.nameUUIDFromBytes((id + "/" + g).getBytes(StandardCharsets.UTF_8));
        gpus.add(new GpuInventoryEntry(uuid, g, "nvidia" + g, "NVIDIA H100 80GB HBM3", id, String.format("00000000:%02X:00.0", g + 0x18),
            "550.54.15", 85_520_809_984L, null, null));
        series.add(new SeriesKey(new Subject.Gpu(uuid), Attribution.NONE, null, id));
      }
      return new Node(id, gpus, new HostInventoryEntry(id, id, "Linux", "AMD EPYC 9654", 96, 192, 1L << 40), series);
    }

    TelemetryBatch batch(Instant t, long second) {
      List<SampleRow> rows = new ArrayList<>(GPUS * METRICS.size());
      for (int g = 0; g < GPUS; g++) {
        for (int m = 0; m < METRICS.size(); m++) {
          rows.add(new SampleRow(t, series.get(g), METRICS.get(m), m * 10 + (second + g) % 10));
        }
      }
      return new TelemetryBatch(rows, gpus, List.of(host), t);
    }
  }

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int nodes = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    String cpuMatch = args.length > 3 ? args[3] : null;
    long argusPid = args.length > 4 ? Long.parseLong(args[4]) : -1;
    int every = args.length > 5 ? Integer.parseInt(args[5]) : 1;
    TelemetryPush push = new TelemetryPush(TelemetryPush.endpoint(base), Optional.ofNullable(System.getenv("ARGUS_KEY")),
        Duration.ofSeconds(120));
    List<Node> fleet = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      fleet.add(Node.of(i));
    }
    int threads = Math.min(nodes, 64);
    ExecutorService pool = Executors.newFixedThreadPool(threads);

    // warm-up, outside the measurement: every node registers its GPUs, host and series once (a
    // few at a time, retried: a loaded machine makes the first requests slow)
    Instant warm = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(seconds + 5);
    for (int i = 0; i < fleet.size(); i += 8) {
      List<java.util.concurrent.Future<?>> wave = new ArrayList<>();
      for (Node n : fleet.subList(i, Math.min(fleet.size(), i + 8))) {
        wave.add(pool.submit(() -> {
          for (int attempt = 1; ; attempt++) {
            try {
              return push.write(List.of(n.batch(warm, 0)));
            } catch (IOException e) {
              if (attempt == 5) {
                throw e;
              }
            }
          }
        }));
      }
      for (var f : wave) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          System.out.println("nodes=" + nodes + " warm-up failed: " + e.getCause());
          pool.shutdownNow();
          System.exit(1);
        }
      }
    }

    AtomicLong stored = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong lastDone = new AtomicLong();
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    long[] cpu0 = cpu(cpuMatch, argusPid);
    long start = System.nanoTime();
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    for (int s = 0; s < seconds; s += every) {
      long due = start + (s + every - 1) * 1_000_000_000L; // when the last second of the push has been sampled
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int first = s;
      int count = Math.min(every, seconds - s);
      for (Node n : fleet) {
        pool.submit(() -> {
          long began = System.nanoTime();
          try {
            List<TelemetryBatch> batches = new ArrayList<>();
            for (int i = 0; i < count; i++) {
              batches.add(n.batch(t0.plusSeconds(first + i), first + i));
            }
            SampleWriter.Result r = push.write(List.of(TelemetryPush.merge(batches)));
            stored.addAndGet(r.written());
          } catch (IOException | RuntimeException e) {
            errors.incrementAndGet();
          }
          long done = System.nanoTime();
          latencies.add(done - began);
          lastDone.accumulateAndGet(done, Math::max);
        });
      }
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.MINUTES);
    long[] cpu1 = cpu(cpuMatch, argusPid);
    double wall = (lastDone.get() - start) / 1e9;
    double lag = Math.max(0, wall - seconds);
    long[] lat = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    long offered = (long) nodes * GPUS * METRICS.size() * seconds;
    double total = cpu1[0] - cpu0[0];
    System.out.printf("nodes=%d push_every_s=%d seconds=%d offered_samples_per_s=%d stored=%d offered=%d stored_samples_per_s=%.0f lag_s=%.1f"
        + " push_p50_ms=%.1f push_p99_ms=%.1f errors=%d cpu_db=%.0f%% cpu_argus=%.0f%% cpu_machine=%.0f%%%n",
        nodes, every, seconds, offered / seconds, stored.get(), offered, stored.get() / Math.max(wall, seconds), lag,
        pct(lat, 0.5) / 1e6, pct(lat, 0.99) / 1e6, errors.get(),
        100 * (cpu1[1] - cpu0[1]) / total, 100 * (cpu1[2] - cpu0[2]) / total, 100 * (cpu1[3] - cpu0[3]) / total);
  }

  static double pct(long[] sorted, double q) {
    return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))];
  }

  /** Jiffies: all CPUs in all states, the database's processes, the Argus process, all CPUs busy. */
  static long[] cpu(String match, long argusPid) throws IOException {
    String[] all = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long total = 0;
    for (int i = 1; i < all.length; i++) {
      total += Long.parseLong(all[i]);
    }
    long idle = Long.parseLong(all[4]) + Long.parseLong(all[5]);
    long db = 0;
    long argus = 0;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          long pid = Long.parseLong(p.getFileName().toString());
          boolean isDb = match != null && new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).contains(match);
          if (!isDb && pid != argusPid) {
            continue;
          }
          String stat = Files.readString(p.resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long used = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
          if (isDb) {
            db += used;
          } else {
            argus += used;
          }
        } catch (IOException | RuntimeException gone) {
          // the process ended meanwhile
        }
      }
    }
    return new long[] {total, db, argus, total - idle};
  }
}

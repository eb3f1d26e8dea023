package io.argus.collect.control;

import io.argus.gpu.control.GpuProbe;
import io.argus.gpu.control.SimulatedGpuProbe;
import io.argus.gpu.control.amd.AmdSysfsGpuProbe;
import io.argus.gpu.control.nvml.NvmlGpuProbe;
import io.argus.gpu.entity.GpuReadout;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Picks the GPU backend from {@code argus.gpu.backend}: {@code auto} (NVML when the library loads,
 * else AMD through sysfs when an amdgpu card is present, else none), {@code nvml}, {@code amd},
 * {@code simulated} or {@code none}.
 */
public final class GpuBackends {

  private static final Logger LOG = Logger.getLogger(GpuBackends.class.getName());

  private GpuBackends() {}

  public static GpuProbe choose(String backend, Optional<String> nvmlLibrary, int simulatedCount) {
    String name = backend == null ? "auto" : backend.trim().toLowerCase(Locale.ROOT);
    switch (name) {
      case "simulated":
        LOG.info(() -> "GPU backend: simulated, " + simulatedCount + " GPU(s)");
        return new SimulatedGpuProbe(simulatedCount);
      case "none":
        LOG.info("GPU backend: none (argus.gpu.backend=none)");
        return new NoGpus();
      case "amd":
        LOG.info("GPU backend: AMD through sysfs");
        return new AmdSysfsGpuProbe();
      case "nvml":
      case "auto":
        NvmlGpuProbe nvml = new NvmlGpuProbe(nvmlLibrary);
        if (nvml.available()) {
          LOG.info(() -> "GPU backend: NVML" + nvmlLibrary.map(p -> " from " + p).orElse(""));
          return nvml;
        }
        if (name.equals("auto")) {
          AmdSysfsGpuProbe amd = new AmdSysfsGpuProbe();
          if (amd.available()) {
            nvml.close();
            LOG.info("GPU backend: AMD through sysfs (no NVIDIA library on this host)");
            return amd;
          }
        }
        LOG.info(() -> "GPU backend: none (no NVIDIA library " + nvmlLibrary.orElse("libnvidia-ml.so.1")
            + (name.equals("auto") ? " and no amdgpu card" : "") + " on this host; set argus.gpu.nvml.library if it lives elsewhere)");
        return nvml; // reports unavailable and re-tries on its own schedule; harmless when absent
      default:
        throw new IllegalArgumentException("argus.gpu.backend must be auto, nvml, amd, simulated or none, got '" + backend + "'");
    }
  }

  /** No GPUs by choice. */
  static final class NoGpus implements GpuProbe {
    @Override
    public String backend() {
      return "none";
    }

    @Override
    public boolean available() {
      return false;
    }

    @Override
    public GpuReadout read() {
      return GpuReadout.empty(Instant.now(), "none", false);
    }

    @Override
    public Map<String, Long> errorCounts() {
      return Map.of();
    }

    @Override
    public void close() {}
  }
}

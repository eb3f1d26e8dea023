package io.argus.gpu.control.nvml;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.argus.gpu.control.GpuProbe;
import io.argus.gpu.control.nvml.Nvml.Symbol;
import io.argus.gpu.entity.DriverVersions;
import io.argus.gpu.entity.GpuFault;
import io.argus.gpu.entity.GpuIdentity;
import io.argus.gpu.entity.GpuReadout;
import io.argus.gpu.entity.GpuSnapshot;
import io.argus.gpu.entity.XidEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Reads NVIDIA GPUs through NVML ({@code libnvidia-ml}). */
public final class NvmlGpuProbe implements GpuProbe {

  // A value a GPU does not support or the caller may not read is empty. A lost GPU or a failing
  // driver is a fault, and NVML is shut down and initialised again on a later read, at most once
  // per interval (as the NVIDIA exporters do). A host without the library simply has no NVIDIA
  // backend: logged once, never an exception.

  public static final String BACKEND = "nvml";

  /** Re-initialising NVML costs about a second per GPU on real hardware; not every tick. */
  public static final Duration DEFAULT_REINIT_INTERVAL = Duration.ofSeconds(30);

  private static final Logger LOG = Logger.getLogger(NvmlGpuProbe.class.getName());

  private final NvmlErrorCounts errors = new NvmlErrorCounts();
  private final Optional<Nvml> nvml;
  private final Duration reinitInterval;
  private final InstantSource clock;
  /** Survives re-initialisation, so a GPU lost at enumeration is still named in its fault. */
  private final Map<Integer, String> knownUuids = new HashMap<>();

  private Session session;
  private boolean restartPending;
  private Instant lastInitAttempt;
  private NvmlReturn lastInitFailure;
  private boolean closed;

  /**
   * @param libraryPath the library to open ({@code argus.gpu.nvml.library}); empty opens
   *     {@code libnvidia-ml.so.1}, then {@code nvidia-ml}, the way the driver installs it
   */
  public NvmlGpuProbe(Optional<String> libraryPath) {
    this(libraryPath, DEFAULT_REINIT_INTERVAL, InstantSource.system());
  }

  public NvmlGpuProbe(Optional<String> libraryPath, Duration reinitInterval, InstantSource clock) {
    this.reinitInterval = Objects.requireNonNull(reinitInterval, "reinitInterval");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.nvml = Nvml.load(libraryPath, errors);
  }

  @Override
  public String backend() {
    return BACKEND;
  }

  @Override
  public boolean available() {
    return nvml.isPresent();
  }

  @Override
  public Map<String, Long> errorCounts() {
    return errors.snapshot();
  }

  @Override
  public Optional<String> lastError() {
    return errors.last();
  }

  @Override
  public synchronized GpuReadout read() {
    if (closed) {
      throw new IllegalStateException("NVML probe is closed");
    }
    Instant now = clock.instant();
    if (nvml.isEmpty()) {
      return GpuReadout.empty(now, BACKEND, false);
    }
    if (session != null && restartPending && initDue(now)) {
      LOG.info("Re-initialising NVML after a lost GPU or driver failure");
      closeSession();
    }
    if (session == null) {
      if (!initDue(now)) {
        return GpuReadout.empty(now, BACKEND, true);
      }
      session = openSession(nvml.get(), now);
      if (session == null) {
        return GpuReadout.empty(now, BACKEND, true);
      }
    }
    return session.read(now);
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closeSession();
      closed = true;
    }
  }

  private boolean initDue(Instant now) {
    return lastInitAttempt == null || !now.isBefore(lastInitAttempt.plus(reinitInterval));
  }

  private Session openSession(Nvml lib, Instant now) {
    lastInitAttempt = now;
    restartPending = false;
    NvmlReturn rc = lib.acquire();
    if (rc != NvmlReturn.SUCCESS) {
      if (rc != lastInitFailure) {
        LOG.log(Level.WARNING, "NVML initialisation failed with {0} ({1}); retrying every {2}",
            new Object[] {rc, lib.path(), reinitInterval});
        lastInitFailure = rc;
      }
      return null;
    }
    lastInitFailure = null;
    try {
      Session opened = new Session(lib);
      LOG.log(Level.INFO, "NVML ready: {0}, driver {1}, {2} GPU(s)", new Object[] {lib.path(),
          opened.versions.driver().orElse("unknown"), opened.devices.size()});
      return opened;
    } catch (NvmlLost e) {
      LOG.log(Level.WARNING, "NVML failed right after initialisation: {0}", e.getMessage());
      lib.release();
      restartPending = true;
      return null;
    }
  }

  private void closeSession() {
    if (session != null) {
      session.close();
      session = null;
    }
  }

  /** One enumerated GPU: readable through a handle, or a fault from enumeration on. */
  private sealed interface Slot permits Readable, Unreadable {}

  private static final class Readable implements Slot {
    final NvmlDevice device;
    final GpuIdentity identity;
    boolean lostLogged;

    Readable(NvmlDevice device, GpuIdentity identity) {
      this.device = device;
      this.identity = identity;
    }
  }

  private record Unreadable(GpuFault fault) implements Slot {}

  /** What one successful {@code nvmlInit} established, until the matching shutdown. */
  private final class Session {
    final Nvml lib;
    final DriverVersions versions;
    final List<Slot> devices = new ArrayList<>();
    final Map<Pointer, GpuIdentity> byHandle = new HashMap<>();
    final Optional<XidWatch> xids;

    Session(Nvml lib) {
      this.lib = lib;
      this.versions = versions();
      ProcessInfoLayout processLayout = ProcessInfoLayout.forSymbol(
          "nvmlDeviceGetComputeRunningProcesses_v3",
          lib.exports("nvmlDeviceGetConfComputeMemSizeInfo"),
          lib.exports("nvmlDeviceGetRunningProcessDetailList"));
      Symbol count = lib.symbol("nvmlDeviceGetCount_v2", "nvmlDeviceGetCount")
          .orElseThrow(() -> new NvmlLost("nvmlDeviceGetCount", NvmlReturn.FUNCTION_NOT_FOUND));
      Optional<Symbol> byIndex =
          lib.symbol("nvmlDeviceGetHandleByIndex_v2", "nvmlDeviceGetHandleByIndex");
      long n = lib.readUnsignedInt(count).orElse(0);
      for (int index = 0; index < n && byIndex.isPresent(); index++) {
        devices.add(enumerate(index, byIndex.get(), processLayout));
      }
      this.xids = openXidWatch();
    }

    private Slot enumerate(int index, Symbol byIndex, ProcessInfoLayout processLayout) {
      try {
        Memory out = new Memory(Native.POINTER_SIZE);
        out.setPointer(0, null);
        NvmlReturn rc = lib.call(byIndex, index, out);
        if (!lib.check(byIndex, rc)) {
          // e.g. NO_PERMISSION: the device is counted but belongs to someone else's cgroup
          return new Unreadable(fault(index, rc, false));
        }
        NvmlDevice device = new NvmlDevice(lib, processLayout, out.getPointer(0));
        Optional<String> uuid = device.uuid();
        if (uuid.isEmpty()) {
          return new Unreadable(new GpuFault(index, Optional.empty(), "NO_UUID", false));
        }
        knownUuids.put(index, uuid.get());
        GpuIdentity identity = device.identity(index, uuid.get());
        byHandle.put(device.handle, identity);
        return new Readable(device, identity);
      } catch (NvmlLost e) {
        restartPending = true;
        LOG.log(Level.WARNING, "GPU {0} is unavailable: {1}", new Object[] {index, e.getMessage()});
        return new Unreadable(fault(index, e.code, true));
      }
    }

    private GpuFault fault(int index, NvmlReturn rc, boolean lost) {
      return new GpuFault(index, Optional.ofNullable(knownUuids.get(index)), rc.name(), lost);
    }

    private DriverVersions versions() {
      Optional<String> driver = lib.symbol("nvmlSystemGetDriverVersion")
          .flatMap(s -> lib.readString(s, 80));
      Optional<String> library = lib.symbol("nvmlSystemGetNVMLVersion")
          .flatMap(s -> lib.readString(s, 80));
      Optional<String> cuda = lib.symbol("nvmlSystemGetCudaDriverVersion_v2",
              "nvmlSystemGetCudaDriverVersion")
          .flatMap(s -> {
            var v = lib.readUnsignedInt(s);
            return v.isPresent() ? Optional.of(NvmlUnits.cudaVersion((int) v.getAsLong()))
                : Optional.empty();
          });
      return new DriverVersions(driver, library, cuda);
    }

    private Optional<XidWatch> openXidWatch() {
      try {
        return XidWatch.open(lib, byHandle.keySet());
      } catch (NvmlLost e) {
        restartPending = true;
        return Optional.empty();
      }
    }

    GpuReadout read(Instant now) {
      List<GpuSnapshot> gpus = new ArrayList<>();
      List<GpuFault> faults = new ArrayList<>();
      for (Slot slot : devices) {
        if (slot instanceof Unreadable u) {
          faults.add(u.fault());
        } else if (slot instanceof Readable r) {
          try {
            gpus.add(r.device.read(r.identity));
          } catch (NvmlLost e) {
            restartPending = true;
            if (!r.lostLogged) {
              LOG.log(Level.WARNING, "GPU {0} ({1}) lost: {2}",
                  new Object[] {r.identity.index(), r.identity.uuid(), e.getMessage()});
              r.lostLogged = true;
            }
            faults.add(new GpuFault(r.identity.index(), Optional.of(r.identity.uuid()),
                e.code.name(), true));
          }
        }
      }
      return new GpuReadout(now, BACKEND, true, versions, gpus, faults, pollXids());
    }

    private List<XidEvent> pollXids() {
      if (xids.isEmpty()) {
        return List.of();
      }
      List<XidEvent> events = new ArrayList<>();
      try {
        for (XidWatch.Xid x : xids.get().poll()) {
          GpuIdentity gpu = byHandle.get(x.device());
          if (gpu != null) {
            events.add(new XidEvent(gpu.index(), gpu.uuid(), x.xid(),
                NvmlUnits.instanceId(x.gpuInstanceId()),
                NvmlUnits.instanceId(x.computeInstanceId())));
          }
        }
      } catch (NvmlLost e) {
        restartPending = true;
      }
      return events;
    }

    void close() {
      try {
        xids.ifPresent(XidWatch::close);
      } finally {
        lib.release();
      }
    }
  }
}

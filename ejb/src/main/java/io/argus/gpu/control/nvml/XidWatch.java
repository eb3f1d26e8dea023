package io.argus.gpu.control.nvml;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.argus.gpu.control.nvml.Nvml.Symbol;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** An NVML event set registered for Xid errors on every readable GPU, polled without blocking. */
final class XidWatch {

  /** {@code nvmlEventTypeXidCriticalError}. */
  static final long XID_CRITICAL_ERROR = 0x8L;

  /** Bounds one poll so that a storm of events cannot stall a collection tick. */
  private static final int MAX_EVENTS_PER_POLL = 1024;

  /** {@code nvmlEventData_t}: the v2 wait adds GPU and compute instance ids at 24 and 28. */
  private static final int EVENT_DATA_SIZE = 32;

  /** One event as NVML reports it; the device is the parent GPU's handle, also under MIG. */
  record Xid(Pointer device, long xid, int gpuInstanceId, int computeInstanceId) {}

  private final Nvml nvml;
  private final Pointer set;
  private final Symbol wait;
  private final boolean withInstances;

  private XidWatch(Nvml nvml, Pointer set, Symbol wait) {
    this.nvml = nvml;
    this.set = set;
    this.wait = wait;
    this.withInstances = wait.name().endsWith("_v2");
  }

  /** Empty when the driver has no event API; devices that refuse registration are skipped. */
  static Optional<XidWatch> open(Nvml nvml, Collection<Pointer> devices) {
    Optional<Symbol> create = nvml.symbol("nvmlEventSetCreate");
    Optional<Symbol> register = nvml.symbol("nvmlDeviceRegisterEvents");
    Optional<Symbol> wait = nvml.symbol("nvmlEventSetWait_v2", "nvmlEventSetWait");
    if (create.isEmpty() || register.isEmpty() || wait.isEmpty()) {
      return Optional.empty();
    }
    Memory out = new Memory(Native.POINTER_SIZE);
    out.setPointer(0, null);
    if (!nvml.check(create.get(), nvml.call(create.get(), out))) {
      return Optional.empty();
    }
    XidWatch watch = new XidWatch(nvml, out.getPointer(0), wait.get());
    for (Pointer device : devices) {
      try {
        nvml.check(register.get(),
            nvml.call(register.get(), device, XID_CRITICAL_ERROR, watch.set));
      } catch (NvmlLost e) {
        // the device's own reads report it lost; the others still deserve their events
      }
    }
    return Optional.of(watch);
  }

  /** Drains the events queued since the last poll; a timeout of 0 ms never blocks. */
  List<Xid> poll() {
    List<Xid> events = new ArrayList<>();
    Memory data = new Memory(EVENT_DATA_SIZE);
    for (int i = 0; i < MAX_EVENTS_PER_POLL; i++) {
      data.clear();
      NvmlReturn rc = nvml.call(wait, set, data, 0);
      if (rc == NvmlReturn.TIMEOUT || !nvml.check(wait, rc)) {
        break;
      }
      if ((data.getLong(8) & XID_CRITICAL_ERROR) != 0) {
        events.add(new Xid(data.getPointer(0), data.getLong(16),
            withInstances ? data.getInt(24) : NvmlUnits.NO_INSTANCE,
            withInstances ? data.getInt(28) : NvmlUnits.NO_INSTANCE));
      }
    }
    return events;
  }

  void close() {
    nvml.symbol("nvmlEventSetFree").ifPresent(free -> nvml.call(free, set));
  }
}

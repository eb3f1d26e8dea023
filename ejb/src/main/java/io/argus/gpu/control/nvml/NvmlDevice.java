package io.argus.gpu.control.nvml;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.argus.gpu.control.nvml.Nvml.Symbol;
import io.argus.gpu.entity.GpuClocks;
import io.argus.gpu.entity.GpuIdentity;
import io.argus.gpu.entity.GpuMemory;
import io.argus.gpu.entity.GpuProcess;
import io.argus.gpu.entity.GpuSnapshot;
import io.argus.gpu.entity.MigInstance;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/** Reads one GPU or MIG device through its NVML handle within one driver session. */
final class NvmlDevice {

  // buffer sizes: NVML_DEVICE_NAME_V2_BUFFER_SIZE, _UUID_V2_, _SERIAL_
  private static final int NAME_LENGTH = 96;
  private static final int UUID_LENGTH = 96;
  private static final int SERIAL_LENGTH = 30;
  private static final int PCI_INFO_SIZE = 68;
  /** {@code NVML_STRUCT_VERSION(Memory, 2)}: the struct size (40) with the version in the top byte. */
  private static final int MEMORY_V2_VERSION = 0x02000028;
  private static final int CLOCK_GRAPHICS = 0;
  private static final int CLOCK_SM = 1;
  private static final int CLOCK_MEM = 2;
  private static final int TEMPERATURE_GPU = 0;
  private static final int PCIE_TX = 0;
  private static final int PCIE_RX = 1;
  private static final int ECC_CORRECTED = 0;
  private static final int ECC_UNCORRECTED = 1;
  private static final int ECC_VOLATILE = 0;
  private static final int MIG_ENABLED = 1;

  private final Nvml nvml;
  private final ProcessInfoLayout processLayout;
  final Pointer handle;
  /**
   * Values the device answered NOT_SUPPORTED or NO_PERMISSION for: not asked again until the next
   * session, since the answer would not change and asking would only add to the error counts.
   */
  private final Set<String> absent = new HashSet<>();

  NvmlDevice(Nvml nvml, ProcessInfoLayout processLayout, Pointer handle) {
    this.nvml = nvml;
    this.processLayout = processLayout;
    this.handle = handle;
  }

  Optional<String> uuid() {
    return string("uuid", nvml.symbol("nvmlDeviceGetUUID"), UUID_LENGTH);
  }

  GpuIdentity identity(int index, String uuid) {
    return new GpuIdentity(index, uuid,
        string("name", nvml.symbol("nvmlDeviceGetName"), NAME_LENGTH),
        string("serial", nvml.symbol("nvmlDeviceGetSerial"), SERIAL_LENGTH),
        pciBusId(),
        NvmlUnits.asInt(uint("minor", nvml.symbol("nvmlDeviceGetMinorNumber"))));
  }

  GpuSnapshot read(GpuIdentity identity) {
    OptionalInt[] utilization = utilization();
    OptionalLong limit = uint("power_limit", nvml.symbol("nvmlDeviceGetEnforcedPowerLimit"));
    if (limit.isEmpty()) {
      limit = uint("power_management_limit", nvml.symbol("nvmlDeviceGetPowerManagementLimit"));
    }
    boolean mig = migEnabled();
    return new GpuSnapshot(
        identity,
        utilization[0],
        utilization[1],
        memory(),
        NvmlUnits.asInt(uint("temperature", nvml.symbol("nvmlDeviceGetTemperature"),
            TEMPERATURE_GPU)),
        NvmlUnits.wattsFromMilliwatts(uint("power", nvml.symbol("nvmlDeviceGetPowerUsage"))),
        NvmlUnits.wattsFromMilliwatts(limit),
        NvmlUnits.joulesFromMillijoules(
            ulong("energy", nvml.symbol("nvmlDeviceGetTotalEnergyConsumption"))),
        clocks(),
        NvmlUnits.asInt(uint("fan", nvml.symbol("nvmlDeviceGetFanSpeed"))),
        NvmlUnits.performanceState(
            uint("pstate", nvml.symbol("nvmlDeviceGetPerformanceState"))),
        codecUtilization("encoder", "nvmlDeviceGetEncoderUtilization"),
        codecUtilization("decoder", "nvmlDeviceGetDecoderUtilization"),
        NvmlUnits.bytesPerSecondFromKilobytes(
            uint("pcie_tx", nvml.symbol("nvmlDeviceGetPcieThroughput"), PCIE_TX)),
        NvmlUnits.bytesPerSecondFromKilobytes(
            uint("pcie_rx", nvml.symbol("nvmlDeviceGetPcieThroughput"), PCIE_RX)),
        NvmlUnits.counter(ulong("ecc_corrected", nvml.symbol("nvmlDeviceGetTotalEccErrors"),
            ECC_CORRECTED, ECC_VOLATILE)),
        NvmlUnits.counter(ulong("ecc_uncorrected", nvml.symbol("nvmlDeviceGetTotalEccErrors"),
            ECC_UNCORRECTED, ECC_VOLATILE)),
        ulong("clock_event_reasons", nvml.symbol("nvmlDeviceGetCurrentClocksEventReasons",
            "nvmlDeviceGetCurrentClocksThrottleReasons")),
        processes(),
        mig,
        mig ? migInstances() : List.of());
  }

  // ------------------------------------------------------------------ groups of fields

  private OptionalInt[] utilization() {
    OptionalInt[] none = {OptionalInt.empty(), OptionalInt.empty()};
    Optional<Symbol> symbol = available("utilization", nvml.symbol("nvmlDeviceGetUtilizationRates"));
    if (symbol.isEmpty()) {
      return none;
    }
    Memory out = new Memory(8);
    out.clear();
    if (!ok("utilization", symbol.get(), nvml.call(symbol.get(), handle, out))) {
      return none;
    }
    return new OptionalInt[] {OptionalInt.of(out.getInt(0)), OptionalInt.of(out.getInt(4))};
  }

  GpuMemory memory() {
    Optional<Symbol> v2 = available("memory_v2", nvml.symbol("nvmlDeviceGetMemoryInfo_v2"));
    if (v2.isPresent()) {
      Memory out = new Memory(40);
      out.clear();
      out.setInt(0, MEMORY_V2_VERSION);
      NvmlReturn rc = nvml.call(v2.get(), handle, out);
      if (rc == NvmlReturn.ARGUMENT_VERSION_MISMATCH) {
        // a driver that knows the symbol but not this struct version: the v1 call still works
        nvml.check(v2.get(), rc);
        absent.add("memory_v2");
      } else {
        return ok("memory_v2", v2.get(), rc)
            ? new GpuMemory(bytes(out.getLong(8)), bytes(out.getLong(32)),
                bytes(out.getLong(24)), bytes(out.getLong(16)))
            : GpuMemory.absent();
      }
    }
    Optional<Symbol> v1 = available("memory", nvml.symbol("nvmlDeviceGetMemoryInfo"));
    if (v1.isEmpty()) {
      return GpuMemory.absent();
    }
    Memory out = new Memory(24);
    out.clear();
    if (!ok("memory", v1.get(), nvml.call(v1.get(), handle, out))) {
      return GpuMemory.absent();
    }
    return new GpuMemory(bytes(out.getLong(0)), bytes(out.getLong(16)), bytes(out.getLong(8)),
        OptionalLong.empty());
  }

  private GpuClocks clocks() {
    Optional<Symbol> current = nvml.symbol("nvmlDeviceGetClockInfo");
    Optional<Symbol> max = nvml.symbol("nvmlDeviceGetMaxClockInfo");
    return new GpuClocks(
        NvmlUnits.hertzFromMegahertz(uint("clock_graphics", current, CLOCK_GRAPHICS)),
        NvmlUnits.hertzFromMegahertz(uint("clock_sm", current, CLOCK_SM)),
        NvmlUnits.hertzFromMegahertz(uint("clock_mem", current, CLOCK_MEM)),
        NvmlUnits.hertzFromMegahertz(uint("max_clock_graphics", max, CLOCK_GRAPHICS)),
        NvmlUnits.hertzFromMegahertz(uint("max_clock_sm", max, CLOCK_SM)),
        NvmlUnits.hertzFromMegahertz(uint("max_clock_mem", max, CLOCK_MEM)));
  }

  /** Encoder and decoder calls also return their sampling period, which Argus does not keep. */
  private OptionalInt codecUtilization(String field, String name) {
    Optional<Symbol> symbol = available(field, nvml.symbol(name));
    if (symbol.isEmpty()) {
      return OptionalInt.empty();
    }
    Memory out = new Memory(8);
    out.clear();
    return ok(field, symbol.get(), nvml.call(symbol.get(), handle, out, out.share(4)))
        ? OptionalInt.of(out.getInt(0))
        : OptionalInt.empty();
  }

  private Optional<String> pciBusId() {
    Optional<Symbol> symbol = available("pci", nvml.symbol("nvmlDeviceGetPciInfo_v3",
        "nvmlDeviceGetPciInfo_v2", "nvmlDeviceGetPciInfo"));
    if (symbol.isEmpty()) {
      return Optional.empty();
    }
    Memory out = new Memory(PCI_INFO_SIZE);
    out.clear();
    if (!ok("pci", symbol.get(), nvml.call(symbol.get(), handle, out))) {
      return Optional.empty();
    }
    // v3 carries the 32-byte id at 36; older layouts only a legacy 16-byte one at 0, so the
    // id is rebuilt from the numbers to keep one format across drivers
    return symbol.get().name().endsWith("_v3")
        ? Optional.of(out.getString(36, "US-ASCII"))
        : Optional.of(NvmlUnits.pciBusId(out.getInt(16), out.getInt(20), out.getInt(24)));
  }

  List<GpuProcess> processes() {
    Optional<Symbol> found = available("processes", nvml.symbol(
        "nvmlDeviceGetComputeRunningProcesses_v3", "nvmlDeviceGetComputeRunningProcesses_v2",
        "nvmlDeviceGetComputeRunningProcesses"));
    if (found.isEmpty()) {
      return List.of();
    }
    Symbol symbol = found.get();
    ProcessInfoLayout layout = symbol.name().endsWith("_v3") ? processLayout
        : ProcessInfoLayout.forSymbol(symbol.name(), false, false);
    Memory count = new Memory(4);
    count.setInt(0, 0);
    NvmlReturn rc = nvml.call(symbol, handle, count, null);
    // processes may start between the sizing call and the reading call: retry a few times
    for (int attempt = 0; attempt < 3 && rc == NvmlReturn.INSUFFICIENT_SIZE; attempt++) {
      int capacity = count.getInt(0) * 2 + 5;
      Memory infos = new Memory((long) capacity * ProcessInfoLayout.MAX_STRIDE);
      infos.clear();
      count.setInt(0, capacity);
      rc = nvml.call(symbol, handle, count, infos);
      if (rc == NvmlReturn.SUCCESS) {
        int n = Math.min(count.getInt(0), capacity);
        return layout.decode(infos.getByteBuffer(0, infos.size()).order(ByteOrder.nativeOrder()),
            n);
      }
    }
    ok("processes", symbol, rc);
    return List.of();
  }

  private boolean migEnabled() {
    Optional<Symbol> symbol = available("mig", nvml.symbol("nvmlDeviceGetMigMode"));
    if (symbol.isEmpty()) {
      return false;
    }
    Memory out = new Memory(8);
    out.clear();
    return ok("mig", symbol.get(), nvml.call(symbol.get(), handle, out, out.share(4)))
        && out.getInt(0) == MIG_ENABLED;
  }

  private List<MigInstance> migInstances() {
    long slots = uint("mig_max", nvml.symbol("nvmlDeviceGetMaxMigDeviceCount")).orElse(0);
    Optional<Symbol> byIndex = nvml.symbol("nvmlDeviceGetMigDeviceHandleByIndex");
    if (byIndex.isEmpty()) {
      return List.of();
    }
    List<MigInstance> instances = new ArrayList<>();
    for (int slot = 0; slot < slots; slot++) {
      Memory out = new Memory(Native.POINTER_SIZE);
      out.setPointer(0, null);
      NvmlReturn rc = nvml.call(byIndex.get(), handle, slot, out);
      if (rc == NvmlReturn.NOT_FOUND || rc == NvmlReturn.INVALID_ARGUMENT) {
        continue; // sparse slots are normal: instances are created and destroyed individually
      }
      if (!nvml.check(byIndex.get(), rc)) {
        continue;
      }
      // MIG handles may be reused for other instances, so nothing about them is remembered
      NvmlDevice mig = new NvmlDevice(nvml, processLayout, out.getPointer(0));
      Optional<String> uuid = mig.uuid();
      if (uuid.isPresent()) {
        instances.add(new MigInstance(slot, uuid.get(),
            mig.string("name", nvml.symbol("nvmlDeviceGetName"), NAME_LENGTH),
            NvmlUnits.asInt(mig.uint("gpu_instance", nvml.symbol("nvmlDeviceGetGpuInstanceId"))),
            NvmlUnits.asInt(
                mig.uint("compute_instance", nvml.symbol("nvmlDeviceGetComputeInstanceId"))),
            mig.memory(),
            mig.processes()));
      }
    }
    return instances;
  }

  // ------------------------------------------------------------------ call helpers

  private Optional<Symbol> available(String field, Optional<Symbol> symbol) {
    if (absent.contains(field)) {
      return Optional.empty();
    }
    if (symbol.isEmpty()) {
      absent.add(field);
    }
    return symbol;
  }

  private boolean ok(String field, Symbol symbol, NvmlReturn rc) {
    if (nvml.check(symbol, rc)) {
      return true;
    }
    if (rc.absentForSession()) {
      absent.add(field);
    }
    return false;
  }

  private OptionalLong uint(String field, Optional<Symbol> symbol, Object... args) {
    Optional<Symbol> s = available(field, symbol);
    if (s.isEmpty()) {
      return OptionalLong.empty();
    }
    Memory out = new Memory(4);
    out.setInt(0, 0);
    return ok(field, s.get(), nvml.call(s.get(), withHandle(args, out)))
        ? OptionalLong.of(Integer.toUnsignedLong(out.getInt(0)))
        : OptionalLong.empty();
  }

  private OptionalLong ulong(String field, Optional<Symbol> symbol, Object... args) {
    Optional<Symbol> s = available(field, symbol);
    if (s.isEmpty()) {
      return OptionalLong.empty();
    }
    Memory out = new Memory(8);
    out.setLong(0, 0);
    return ok(field, s.get(), nvml.call(s.get(), withHandle(args, out)))
        ? OptionalLong.of(out.getLong(0))
        : OptionalLong.empty();
  }

  private Optional<String> string(String field, Optional<Symbol> symbol, int length) {
    Optional<Symbol> s = available(field, symbol);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Memory out = new Memory(length);
    out.clear();
    return ok(field, s.get(), nvml.call(s.get(), handle, out, length))
        ? Optional.of(out.getString(0, "UTF-8"))
        : Optional.empty();
  }

  private Object[] withHandle(Object[] args, Memory out) {
    Object[] all = new Object[args.length + 2];
    all[0] = handle;
    System.arraycopy(args, 0, all, 1, args.length);
    all[all.length - 1] = out;
    return all;
  }

  /** Sizes are unsigned 64-bit; all ones means "not available". */
  private static OptionalLong bytes(long raw) {
    return NvmlUnits.counter(OptionalLong.of(raw));
  }
}

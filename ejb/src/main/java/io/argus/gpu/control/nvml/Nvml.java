package io.argus.gpu.control.nvml;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The raw NVML binding: the loaded library, its entry points and the init reference count. */
final class Nvml {

  // Every entry point is looked up on its own and called through Function rather than direct
  // mapping: a direct-mapped class fails as a whole when one symbol is missing, and older drivers
  // lack many of the versioned ones. The ~0.5 µs a call costs this way is nothing against a
  // collection interval of seconds.

  /** The name every NVML binding opens first, then the linker name JNA resolves through ldconfig. */
  static final List<String> DEFAULT_NAMES = List.of("libnvidia-ml.so.1", "nvidia-ml");

  private static final Logger LOG = Logger.getLogger(Nvml.class.getName());

  /** An exported entry point under the name it was found by. */
  record Symbol(String name, Function function) {}

  private final NativeLibrary library;
  private final NvmlErrorCounts errors;
  private final Map<String, Optional<Function>> functions = new ConcurrentHashMap<>();
  private int holds;

  private Nvml(NativeLibrary library, NvmlErrorCounts errors) {
    this.library = library;
    this.errors = errors;
  }

  /**
   * Opens the library at {@code path} if one is given, otherwise under {@link #DEFAULT_NAMES};
   * empty when none loads, which on a host without an NVIDIA driver is the normal case.
   */
  static Optional<Nvml> load(Optional<String> path, NvmlErrorCounts errors) {
    List<String> names = path.filter(p -> !p.isBlank()).map(List::of).orElse(DEFAULT_NAMES);
    List<String> failures = new ArrayList<>();
    for (String name : names) {
      try {
        return Optional.of(new Nvml(NativeLibrary.getInstance(name), errors));
      } catch (LinkageError e) {
        String message = String.valueOf(e.getMessage());
        failures.add(name + ": " + message.lines().skip(1).findFirst().orElse(message));
      }
    }
    LOG.log(Level.INFO, "No NVIDIA backend: libnvidia-ml could not be loaded ({0})",
        String.join("; ", failures));
    return Optional.empty();
  }

  String path() {
    return library.getFile() == null ? library.getName() : library.getFile().getPath();
  }

  boolean exports(String name) {
    return function(name).isPresent();
  }

  /** The first of {@code names} the library exports, newest version first by convention. */
  Optional<Symbol> symbol(String... names) {
    for (String name : names) {
      Optional<Function> f = function(name);
      if (f.isPresent()) {
        return Optional.of(new Symbol(name, f.get()));
      }
    }
    return Optional.empty();
  }

  private Optional<Function> function(String name) {
    return functions.computeIfAbsent(name, n -> {
      try {
        return Optional.of(library.getFunction(n));
      } catch (UnsatisfiedLinkError e) {
        LOG.log(Level.FINE, "{0} does not export {1}", new Object[] {path(), n});
        return Optional.empty();
      }
    });
  }

  // ------------------------------------------------------------------ lifecycle

  /** Initialises NVML once more; every successful call must be paired with {@link #release()}. */
  synchronized NvmlReturn acquire() {
    Optional<Symbol> init = symbol("nvmlInit_v2", "nvmlInit");
    if (init.isEmpty()) {
      errors.record(NvmlReturn.FUNCTION_NOT_FOUND.code);
      return NvmlReturn.FUNCTION_NOT_FOUND;
    }
    int rc = init.get().function().invokeInt(new Object[0]);
    errors.record(rc);
    if (rc == NvmlReturn.SUCCESS.code) {
      holds++;
    }
    return NvmlReturn.of(rc);
  }

  synchronized void release() {
    if (holds == 0) {
      return;
    }
    holds--;
    symbol("nvmlShutdown").ifPresent(s -> errors.record(s.function().invokeInt(new Object[0])));
  }

  synchronized void releaseAll() {
    while (holds > 0) {
      release();
    }
  }

  // ------------------------------------------------------------------ calls

  /** Calls without judging the result, for callers that expect codes such as INSUFFICIENT_SIZE. */
  NvmlReturn call(Symbol symbol, Object... args) {
    return NvmlReturn.of(symbol.function().invokeInt(args));
  }

  /**
   * Counts a non-success result and throws {@link NvmlLost} for lifecycle codes.
   *
   * @return true on success
   */
  boolean check(Symbol symbol, NvmlReturn rc) {
    if (rc == NvmlReturn.SUCCESS) {
      return true;
    }
    errors.record(rc.code);
    if (rc.lifecycle()) {
      throw new NvmlLost(symbol.name(), rc);
    }
    return false;
  }

  /** Calls {@code symbol(args…, unsigned int *out)}. */
  OptionalLong readUnsignedInt(Symbol symbol, Object... args) {
    Memory out = new Memory(4);
    out.setInt(0, 0);
    return check(symbol, call(symbol, append(args, out)))
        ? OptionalLong.of(Integer.toUnsignedLong(out.getInt(0)))
        : OptionalLong.empty();
  }

  /** Calls {@code symbol(args…, char *buffer, unsigned int length)}. */
  Optional<String> readString(Symbol symbol, int length, Object... args) {
    Memory buffer = new Memory(length);
    buffer.clear();
    Object[] full = append(append(args, buffer), length);
    return check(symbol, call(symbol, full))
        ? Optional.of(buffer.getString(0, "UTF-8"))
        : Optional.empty();
  }

  static Object[] append(Object[] args, Object last) {
    Object[] all = Arrays.copyOf(args, args.length + 1);
    all[args.length] = last;
    return all;
  }
}

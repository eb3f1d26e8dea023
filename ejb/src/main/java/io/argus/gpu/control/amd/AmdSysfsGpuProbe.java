package io.argus.gpu.control.amd;

import io.argus.gpu.control.GpuProbe;
import io.argus.gpu.entity.DriverVersions;
import io.argus.gpu.entity.GpuClocks;
import io.argus.gpu.entity.GpuIdentity;
import io.argus.gpu.entity.GpuMemory;
import io.argus.gpu.entity.GpuReadout;
import io.argus.gpu.entity.GpuSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * AMD GPUs through the amdgpu driver's sysfs files ({@code /sys/class/drm/cardN/device}): busy
 * percent, VRAM, and the hwmon temperature, power, fan and clocks. No library is needed; a file the
 * kernel or the board does not provide is an absent value. AMD has no GPU UUID in sysfs, so the
 * identity is {@code AMD-<unique_id>} where the board has one, else {@code AMD-<PCI bus id>}.
 */
public final class AmdSysfsGpuProbe implements GpuProbe {

  public static final String BACKEND = "amd-sysfs";
  private static final Pattern CARD = Pattern.compile("card(\\d+)");
  private static final String AMD_VENDOR = "0x1002";

  private final Path drm;
  private final InstantSource clock;
  private final Map<String, Long> errors = new ConcurrentHashMap<>();

  /** Reads {@code /sys/class/drm}. */
  public AmdSysfsGpuProbe() {
    this(Path.of("/sys/class/drm"), InstantSource.system());
  }

  /** Reads the given directory laid out as {@code /sys/class/drm} (tests use a copy of a real tree). */
  public AmdSysfsGpuProbe(Path drm, InstantSource clock) {
    this.drm = drm;
    this.clock = clock;
  }

  @Override
  public String backend() {
    return BACKEND;
  }

  @Override
  public boolean available() {
    return !cards().isEmpty();
  }

  @Override
  public synchronized GpuReadout read() {
    List<Path> cards = cards();
    if (cards.isEmpty()) {
      return GpuReadout.empty(clock.instant(), BACKEND, false);
    }
    List<GpuSnapshot> gpus = new ArrayList<>();
    for (int i = 0; i < cards.size(); i++) {
      gpus.add(read(i, cards.get(i)));
    }
    Optional<String> driver = text(Path.of("/sys/module/amdgpu/version")).or(() -> Optional.of("amdgpu"));
    return new GpuReadout(clock.instant(), BACKEND, true,
        new DriverVersions(driver, Optional.empty(), Optional.empty()), gpus, List.of(), List.of());
  }

  private GpuSnapshot read(int index, Path card) {
    Path dev = card.resolve("device");
    Optional<Path> hwmon = hwmon(dev);
    Optional<String> pci = pciBusId(dev);
    Optional<String> unique = text(dev.resolve("unique_id"));
    String uuid = "AMD-" + unique.or(() -> pci).orElse(card.getFileName().toString());
    Optional<String> name = text(dev.resolve("product_name"))
        .or(() -> text(dev.resolve("device")).map(id -> "AMD GPU " + id));
    // the minor number names /dev/nvidiaN, an NVIDIA node: none here
    GpuIdentity identity = new GpuIdentity(index, uuid, name, unique, pci.map(p -> p.toUpperCase(Locale.ROOT)), OptionalInt.empty());

    OptionalLong total = longValue(dev.resolve("mem_info_vram_total"));
    OptionalLong used = longValue(dev.resolve("mem_info_vram_used"));
    OptionalLong free = total.isPresent() && used.isPresent()
        ? OptionalLong.of(Math.max(0, total.getAsLong() - used.getAsLong())) : OptionalLong.empty();
    GpuMemory memory = new GpuMemory(total, used, free, OptionalLong.empty());

    OptionalInt temperature = hwmon.map(h -> milli(h.resolve("temp1_input"))).orElse(OptionalInt.empty());
    OptionalDouble power = hwmon.map(h -> micro(h.resolve("power1_average")).isPresent()
        ? micro(h.resolve("power1_average")) : micro(h.resolve("power1_input"))).orElse(OptionalDouble.empty());
    OptionalDouble cap = hwmon.map(h -> micro(h.resolve("power1_cap"))).orElse(OptionalDouble.empty());
    OptionalInt fan = hwmon.map(h -> {
      OptionalLong pwm = longValue(h.resolve("pwm1"));
      return pwm.isPresent() ? OptionalInt.of((int) Math.round(pwm.getAsLong() * 100.0 / 255)) : OptionalInt.empty();
    }).orElse(OptionalInt.empty());
    OptionalLong sclk = hwmon.map(h -> longValue(h.resolve("freq1_input"))).orElse(OptionalLong.empty());
    OptionalLong mclk = hwmon.map(h -> longValue(h.resolve("freq2_input"))).orElse(OptionalLong.empty());
    GpuClocks clocks = new GpuClocks(sclk, sclk, mclk, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

    return new GpuSnapshot(identity, intValue(dev.resolve("gpu_busy_percent")), intValue(dev.resolve("mem_busy_percent")),
        memory, temperature, power, cap, OptionalDouble.empty(), clocks, fan, OptionalInt.empty(), OptionalInt.empty(),
        OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
        OptionalLong.empty(), List.of(), false, List.of());
  }

  /** The amdgpu cards in index order: {@code cardN} whose device vendor is AMD (connectors like card0-DP-1 excluded). */
  List<Path> cards() {
    List<Path> cards = new ArrayList<>();
    if (!Files.isDirectory(drm)) {
      return cards;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(drm)) {
      for (Path p : entries) {
        if (CARD.matcher(p.getFileName().toString()).matches()
            && text(p.resolve("device/vendor")).map(AMD_VENDOR::equalsIgnoreCase).orElse(false)) {
          cards.add(p);
        }
      }
    } catch (IOException e) {
      count("LIST_FAILED");
    }
    cards.sort((a, b) -> Integer.compare(cardNumber(a), cardNumber(b)));
    return cards;
  }

  private static int cardNumber(Path card) {
    return Integer.parseInt(card.getFileName().toString().substring(4));
  }

  private Optional<Path> hwmon(Path dev) {
    Path dir = dev.resolve("hwmon");
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "hwmon*")) {
      for (Path p : entries) {
        return Optional.of(p);
      }
    } catch (IOException e) {
      count("HWMON_UNREADABLE");
    }
    return Optional.empty();
  }

  private static Optional<String> pciBusId(Path dev) {
    try {
      String name = dev.toRealPath().getFileName().toString();
      return name.matches("[0-9a-fA-F]{4,8}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]") ? Optional.of(name) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private Optional<String> text(Path file) {
    try {
      String s = Files.readString(file, StandardCharsets.UTF_8).trim();
      return s.isEmpty() ? Optional.empty() : Optional.of(s);
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a file the kernel does not provide for this board: absent
    }
  }

  private OptionalLong longValue(Path file) {
    Optional<String> t = text(file);
    if (t.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      long v = Long.parseLong(t.get());
      return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
    } catch (NumberFormatException e) {
      count("UNPARSABLE");
      return OptionalLong.empty();
    }
  }

  private OptionalInt intValue(Path file) {
    OptionalLong v = longValue(file);
    return v.isPresent() && v.getAsLong() <= Integer.MAX_VALUE ? OptionalInt.of((int) v.getAsLong()) : OptionalInt.empty();
  }

  private OptionalInt milli(Path file) {
    OptionalLong v = longValue(file);
    return v.isPresent() ? OptionalInt.of((int) Math.round(v.getAsLong() / 1000.0)) : OptionalInt.empty();
  }

  private OptionalDouble micro(Path file) {
    OptionalLong v = longValue(file);
    return v.isPresent() ? OptionalDouble.of(v.getAsLong() / 1_000_000.0) : OptionalDouble.empty();
  }

  private void count(String code) {
    errors.merge(code, 1L, Long::sum);
  }

  @Override
  public Map<String, Long> errorCounts() {
    return Map.copyOf(errors);
  }

  @Override
  public void close() {}
}

package io.argus.host.control;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Turns OSHI's stand-ins for "the OS did not say" into absent values. */
final class Unknowns {

  private Unknowns() {}

  /** OSHI answers -1 for a counter or size it could not read. */
  static OptionalLong count(long value) {
    return value < 0 ? OptionalLong.empty() : OptionalLong.of(value);
  }

  /** A size or speed of zero means "unknown" for things that cannot really be zero. */
  static OptionalLong positive(long value) {
    return value <= 0 ? OptionalLong.empty() : OptionalLong.of(value);
  }

  static OptionalDouble hertzToMegahertz(long hertz) {
    return hertz <= 0 ? OptionalDouble.empty() : OptionalDouble.of(hertz / 1_000_000.0);
  }

  /**
   * OSHI reports 0.0 (and NaN on some platforms) when no sensor exists; a CPU at or below freezing
   * while running is not a reading worth believing.
   */
  static OptionalDouble temperature(double celsius) {
    return Double.isFinite(celsius) && celsius > 0.0
        ? OptionalDouble.of(celsius) : OptionalDouble.empty();
  }

  /** Load averages are negative where the OS has none (Windows). */
  static OptionalDouble load(double[] averages, int index) {
    if (averages == null || index >= averages.length) {
      return OptionalDouble.empty();
    }
    double value = averages[index];
    return Double.isFinite(value) && value >= 0 ? OptionalDouble.of(value) : OptionalDouble.empty();
  }

  /** OSHI fills text it could not read with "unknown". */
  static Optional<String> text(String value) {
    if (value == null || value.isBlank()
        || value.trim().toLowerCase(Locale.ROOT).equals("unknown")) {
      return Optional.empty();
    }
    return Optional.of(value.trim());
  }

  static OptionalDouble percent(long part, long whole) {
    return whole <= 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * part / whole);
  }
}

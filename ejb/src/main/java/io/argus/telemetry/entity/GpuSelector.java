package io.argus.telemetry.entity;

import io.argus.platform.control.InvalidParameter;
import java.util.Locale;
import java.util.regex.Pattern;

/** How a request names a GPU: by uuid, or by its index on its host (which may match a GPU on every host). */
public sealed interface GpuSelector {

  /** A GPU uuid (or MIG instance uuid), as the driver reports it. */
  record ByUuid(String uuid) implements GpuSelector {}

  /** A GPU index on its host; without a hostname it matches that index on every host. */
  record ByIndex(int index) implements GpuSelector {}

  Pattern UUID_TEXT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,95}");
  Pattern BARE_UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /**
   * Parses a path segment: digits are an index, anything else of uuid shape is a uuid (a bare uuid
   * gets the {@code GPU-} prefix the store keeps).
   *
   * @throws InvalidParameter naming {@code parameter} when it is neither
   */
  static GpuSelector parse(String parameter, String value) {
    String v = value == null ? "" : value.strip();
    if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
      if (v.length() > 6) {
        throw new InvalidParameter(parameter, parameter + " index " + abbreviate(v) + " is out of range (0 to 999999)");
      }
      return new ByIndex(Integer.parseInt(v));
    }
    if (!UUID_TEXT.matcher(v).matches()) {
      throw new InvalidParameter(parameter, parameter + " must be a GPU uuid (such as GPU-5f3c…) or a GPU index, got '"
          + abbreviate(v) + "'");
    }
    return new ByUuid(BARE_UUID.matcher(v).matches() ? "GPU-" + v.toLowerCase(Locale.ROOT) : v);
  }

  private static String abbreviate(String v) {
    return v.length() <= 64 ? v : v.substring(0, 64) + "…";
  }
}

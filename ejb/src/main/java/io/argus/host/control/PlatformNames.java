package io.argus.host.control;

import java.util.Locale;

/** Java's names for OS and CPU architecture, spelled the way Python's platform module does. */
final class PlatformNames {

  private PlatformNames() {}

  static String platform(String javaOsName) {
    String name = javaOsName.toLowerCase(Locale.ROOT);
    if (name.startsWith("windows")) {
      return "windows";
    }
    if (name.startsWith("mac") || name.startsWith("darwin")) {
      return "darwin";
    }
    int space = name.indexOf(' ');
    return space < 0 ? name : name.substring(0, space);
  }

  static String architecture(String javaOsArch) {
    return switch (javaOsArch.toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64" -> "x86_64";
      case "x86", "i386", "i486", "i586", "i686" -> "i686";
      case "aarch64", "arm64" -> "aarch64";
      default -> javaOsArch;
    };
  }
}

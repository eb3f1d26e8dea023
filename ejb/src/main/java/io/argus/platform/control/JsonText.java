package io.argus.platform.control;

import java.util.Map;

/**
 * JSON text written by hand where its exact form matters (file_sd files, artifacts, series labels)
 * or where it runs too often to go through a binder: string literals and flat string maps.
 */
public final class JsonText {

  private JsonText() {}

  /** A JSON string literal, escaping what RFC 8259 requires plus U+2028/U+2029 for JavaScript readers. */
  public static String string(String value) {
    return appendString(new StringBuilder(value.length() + 2), value).toString();
  }

  /** A JSON object of string members, in the map's iteration order. */
  public static String object(Map<String, String> members) {
    StringBuilder out = new StringBuilder(16 + members.size() * 24).append('{');
    boolean first = true;
    for (Map.Entry<String, String> e : members.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      appendString(out, e.getKey()).append(':');
      appendString(out, e.getValue());
    }
    return out.append('}').toString();
  }

  private static StringBuilder appendString(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }
}

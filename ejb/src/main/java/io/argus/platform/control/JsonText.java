package io.argus.platform.control;

import java.util.Map;

/**
 * JSON text written by hand where its exact form matters (file_sd files, artifacts, series labels)
 * or where it runs too often to go through a binder: string literals and flat string maps.
 */
public final class JsonText {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

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

  /** Appends {@code value} as a JSON string literal; runs that need no escape are copied whole. */
  public static StringBuilder appendString(StringBuilder out, String value) {
    out.append('"');
    int from = 0;
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x2028 && c != 0x2029) {
        continue;
      }
      out.append(value, from, i);
      from = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append("\\u").append(HEX[c >> 12]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
      }
    }
    return out.append(value, from, length).append('"');
  }
}

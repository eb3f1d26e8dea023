package io.argus.telemetry.control;

import java.util.Map;

/** The labels of a series as a JSON object, written by hand: it runs once per new series and needs no library. */
final class Json {

  private Json() {}

  static String object(Map<String, String> labels) {
    StringBuilder out = new StringBuilder(16 + labels.size() * 24).append('{');
    boolean first = true;
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(out, e.getKey()).append(':');
      string(out, e.getValue());
    }
    return out.append('}').toString();
  }

  private static StringBuilder string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
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

package io.argus.ingest.control;

import java.util.Map;

/**
 * The label syntax of the exposition format, {@code name="value"} pairs separated by commas with
 * {@code \\}, {@code \"} and {@code \n} escapes; shared by the exposition parser and the
 * {@code labels_raw} column of CSV batches.
 */
final class LabelText {

  static final String RESERVED = "__name__";

  private LabelText() {}

  /**
   * Reads pairs from just after a '{' up to and including the matching '}'; returns the index after
   * it. An exposition may not name {@code __name__}; labels exported from a Prometheus server may.
   */
  static int parseBraced(String s, int pos, Map<String, String> out, boolean nameLabelAllowed) throws SyntaxError {
    return parse(s, pos, true, out, nameLabelAllowed);
  }

  /** Reads a whole text of pairs with no braces around them, e.g. {@code a="1",b="2"}. */
  static void parseBare(String s, Map<String, String> out, boolean nameLabelAllowed) throws SyntaxError {
    parse(s, 0, false, out, nameLabelAllowed);
  }

  private static int parse(String s, int pos, boolean braced, Map<String, String> out, boolean nameLabelAllowed)
      throws SyntaxError {
    int n = s.length();
    StringBuilder value = new StringBuilder();
    while (true) {
      pos = skipBlanks(s, pos);
      if (pos == n) {
        if (braced) {
          throw new SyntaxError(pos, "unterminated label set, expected '}'");
        }
        return pos;
      }
      if (braced && s.charAt(pos) == '}') {
        return pos + 1;
      }
      int nameStart = pos;
      pos = labelNameEnd(s, pos);
      if (pos == nameStart) {
        throw new SyntaxError(pos, "expected a label name, found " + describe(s, pos));
      }
      String name = s.substring(nameStart, pos);
      pos = skipBlanks(s, pos);
      if (pos == n || s.charAt(pos) != '=') {
        throw new SyntaxError(pos, "expected '=' after label name \"" + name + "\", found " + describe(s, pos));
      }
      pos = skipBlanks(s, pos + 1);
      if (pos == n || s.charAt(pos) != '"') {
        throw new SyntaxError(pos, "expected '\"' to open the value of label \"" + name + "\", found " + describe(s, pos));
      }
      int open = pos;
      pos++;
      value.setLength(0);
      while (true) {
        if (pos == n) {
          throw new SyntaxError(open, "unterminated value of label \"" + name + "\"");
        }
        char c = s.charAt(pos);
        if (c == '"') {
          pos++;
          break;
        }
        if (c == '\\') {
          if (pos + 1 == n) {
            throw new SyntaxError(open, "unterminated value of label \"" + name + "\"");
          }
          char escaped = s.charAt(pos + 1);
          switch (escaped) {
            case '\\' -> value.append('\\');
            case '"' -> value.append('"');
            case 'n' -> value.append('\n');
            default -> throw new SyntaxError(pos, "invalid escape sequence '\\" + escaped
                + "' in the value of label \"" + name + "\" (only \\\\, \\\" and \\n are allowed)");
          }
          pos += 2;
        } else {
          value.append(c);
          pos++;
        }
      }
      if (!nameLabelAllowed && name.equals(RESERVED)) {
        throw new SyntaxError(nameStart, "label name \"__name__\" is reserved");
      }
      if (out.putIfAbsent(name, value.toString()) != null) {
        throw new SyntaxError(nameStart, "duplicate label name \"" + name + "\"");
      }
      pos = skipBlanks(s, pos);
      if (pos < n && s.charAt(pos) == ',') {
        pos++;
        continue;
      }
      if (braced && pos < n && s.charAt(pos) == '}') {
        return pos + 1;
      }
      if (!braced && pos == n) {
        return pos;
      }
      throw new SyntaxError(pos, "expected ',' or '" + (braced ? "}" : "end of labels")
          + "' after the value of label \"" + name + "\", found " + describe(s, pos));
    }
  }

  static int skipBlanks(String s, int pos) {
    while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
      pos++;
    }
    return pos;
  }

  /** End of a label name ([a-zA-Z_][a-zA-Z0-9_]*) starting at pos; pos itself when there is none. */
  static int labelNameEnd(String s, int pos) {
    int i = pos;
    while (i < s.length()) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > pos && c >= '0' && c <= '9');
      if (!ok) {
        break;
      }
      i++;
    }
    return i;
  }

  /** End of a metric name ([a-zA-Z_:][a-zA-Z0-9_:]*) starting at pos; pos itself when there is none. */
  static int metricNameEnd(String s, int pos) {
    int i = pos;
    while (i < s.length()) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'
          || (i > pos && c >= '0' && c <= '9');
      if (!ok) {
        break;
      }
      i++;
    }
    return i;
  }

  static boolean isMetricName(String s) {
    return !s.isEmpty() && metricNameEnd(s, 0) == s.length();
  }

  static boolean isLabelName(String s) {
    return !s.isEmpty() && labelNameEnd(s, 0) == s.length();
  }

  /** The character at pos for an error message, quoted, or "end of line". */
  static String describe(String s, int pos) {
    if (pos >= s.length()) {
      return "end of line";
    }
    char c = s.charAt(pos);
    if (c < 0x20 || c == 0x7f) {
      return String.format("character U+%04X", (int) c);
    }
    return "'" + c + "'";
  }
}

package io.argus.ingest.control;

import java.util.Map;

/**
 * Reads a JSON object whose values are strings, numbers, booleans or null into labels; the form
 * Argus writes raw labels in, accepted back in a CSV batch's {@code labels_raw}. Numbers and
 * booleans keep their text; null means no label. Nested objects and arrays are rejected.
 */
final class FlatJson {

  private final String s;
  private int pos;

  private FlatJson(String s) {
    this.s = s;
  }

  static void parseObject(String text, Map<String, String> out) throws SyntaxError {
    new FlatJson(text).object(out);
  }

  private void object(Map<String, String> out) throws SyntaxError {
    skipSpace();
    expect('{');
    skipSpace();
    if (peek() == '}') {
      pos++;
    } else {
      while (true) {
        skipSpace();
        int keyAt = pos;
        String key = string();
        if (key.isEmpty()) {
          throw new SyntaxError(keyAt, "empty label name");
        }
        skipSpace();
        expect(':');
        skipSpace();
        String value = value();
        if (value != null && out.putIfAbsent(key, value) != null) {
          throw new SyntaxError(keyAt, "duplicate label name \"" + key + "\"");
        }
        skipSpace();
        if (peek() == ',') {
          pos++;
          continue;
        }
        expect('}');
        break;
      }
    }
    skipSpace();
    if (pos < s.length()) {
      throw new SyntaxError(pos, "unexpected text after the JSON object");
    }
  }

  private String value() throws SyntaxError {
    int c = peek();
    if (c == '"') {
      return string();
    }
    if (c == '{' || c == '[') {
      throw new SyntaxError(pos, "nested JSON values are not labels");
    }
    int start = pos;
    while (pos < s.length() && "+-.0123456789eEtruefalsn".indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
    String word = s.substring(start, pos);
    if (word.equals("null")) {
      return null;
    }
    if (word.equals("true") || word.equals("false") || word.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      return word;
    }
    throw new SyntaxError(start, "expected a JSON string, number, true, false or null");
  }

  private String string() throws SyntaxError {
    int open = pos;
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= s.length()) {
        throw new SyntaxError(open, "unterminated JSON string");
      }
      char c = s.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw new SyntaxError(pos - 1, "control character in a JSON string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (pos >= s.length()) {
        throw new SyntaxError(open, "unterminated JSON string");
      }
      char e = s.charAt(pos++);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> out.append(unicode());
        default -> throw new SyntaxError(pos - 2, "invalid escape sequence '\\" + e + "' in a JSON string");
      }
    }
  }

  private char unicode() throws SyntaxError {
    if (pos + 4 > s.length()) {
      throw new SyntaxError(pos - 2, "incomplete \\u escape in a JSON string");
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      char h = s.charAt(pos + i);
      int digit = h < 128 ? Character.digit(h, 16) : -1;
      if (digit < 0) {
        throw new SyntaxError(pos - 2, "invalid \\u escape in a JSON string");
      }
      value = value * 16 + digit;
    }
    pos += 4;
    return (char) value;
  }

  private void expect(char c) throws SyntaxError {
    if (peek() != c) {
      throw new SyntaxError(pos, "expected '" + c + "', found " + LabelText.describe(s, pos));
    }
    pos++;
  }

  private int peek() {
    return pos < s.length() ? s.charAt(pos) : -1;
  }

  private void skipSpace() {
    while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
  }
}

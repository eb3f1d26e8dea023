package io.argus.host.control;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A procfs or sysfs file read whole into a buffer that is kept between reads, and scanned in place
 * line by line and field by field: no list of lines, no regular expression, no string per number.
 * Files such as {@code /proc/stat} carry hundreds of interrupt counters on one line; splitting
 * them into strings every cycle cost more than the kernel took to produce them.
 *
 * <p>Fields are runs of characters other than blanks (space, tab); lines end at {@code \n}. Not
 * thread-safe: one owner reads one file at a time.
 */
final class ProcScanner {

  /** What {@link #fieldLong} answers for a field that is missing or not a non-negative decimal number. */
  static final long NOT_A_NUMBER = Long.MIN_VALUE;

  private byte[] buffer = new byte[8192];
  private int length;
  private int lineStart;
  private int lineEnd;
  private int fieldStart;
  private int fieldEnd;

  /** Reads the whole file; false (and nothing to scan) when it cannot be read. */
  boolean load(Path file) {
    length = 0;
    lineStart = 0;
    lineEnd = -1;
    try (FileInputStream in = new FileInputStream(file.toFile())) {
      // procfs files say size 0: read until the end, growing the buffer as needed
      for (int n; (n = in.read(buffer, length, buffer.length - length)) > 0; ) {
        length += n;
        if (length == buffer.length) {
          buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
      }
      return true;
    } catch (IOException | SecurityException e) {
      length = 0;
      return false;
    }
  }

  /** Moves to the next line; false at the end of the file. The field cursor goes to the line's start. */
  boolean nextLine() {
    int start = lineEnd + 1;
    if (start >= length) {
      return false;
    }
    int end = start;
    while (end < length && buffer[end] != '\n') {
      end++;
    }
    lineStart = start;
    lineEnd = end;
    fieldStart = start;
    fieldEnd = start;
    return true;
  }

  /** Whether the current line begins with these ASCII characters (no blanks skipped). */
  boolean lineStartsWith(String prefix) {
    return lineEnd - lineStart >= prefix.length() && bytesAre(lineStart, prefix);
  }

  /** Moves to the next field of the current line; false when there is none. */
  boolean nextField() {
    int i = fieldEnd;
    while (i < lineEnd && isBlank(buffer[i])) {
      i++;
    }
    if (i >= lineEnd) {
      fieldStart = fieldEnd = lineEnd;
      return false;
    }
    int end = i;
    while (end < lineEnd && !isBlank(buffer[end])) {
      end++;
    }
    fieldStart = i;
    fieldEnd = end;
    return true;
  }

  /** Skips n fields; false when the line has fewer. */
  boolean skipFields(int n) {
    for (int i = 0; i < n; i++) {
      if (!nextField()) {
        return false;
      }
    }
    return true;
  }

  /** The next field as a number, or {@link #NOT_A_NUMBER} when there is no field or it is not one. */
  long nextLong() {
    return nextField() ? fieldLong() : NOT_A_NUMBER;
  }

  /** The current field as a non-negative decimal number, or {@link #NOT_A_NUMBER}. */
  long fieldLong() {
    if (fieldStart >= fieldEnd || fieldEnd - fieldStart > 19) {
      return NOT_A_NUMBER;
    }
    long value = 0;
    for (int i = fieldStart; i < fieldEnd; i++) {
      int digit = buffer[i] - '0';
      if (digit < 0 || digit > 9) {
        return NOT_A_NUMBER;
      }
      value = value * 10 + digit;
    }
    return value < 0 ? NOT_A_NUMBER : value; // 19 nines overflow
  }

  /** Whether the current field is exactly these ASCII characters. */
  boolean fieldEquals(String text) {
    return fieldEnd - fieldStart == text.length() && bytesAre(fieldStart, text);
  }

  private boolean bytesAre(int at, String ascii) {
    for (int i = 0; i < ascii.length(); i++) {
      if (buffer[at + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The current field as text. */
  String field() {
    return new String(buffer, fieldStart, fieldEnd - fieldStart, StandardCharsets.US_ASCII);
  }

  /**
   * Splits the line at its first occurrence of {@code c}: answers the text before it, trimmed, and
   * puts the field cursor just after it; null when the line has no such character.
   */
  String upTo(char c) {
    for (int i = lineStart; i < lineEnd; i++) {
      if (buffer[i] == c) {
        int start = lineStart;
        int end = i;
        while (start < end && isBlank(buffer[start])) {
          start++;
        }
        while (end > start && isBlank(buffer[end - 1])) {
          end--;
        }
        fieldStart = i + 1;
        fieldEnd = i + 1;
        return new String(buffer, start, end - start, StandardCharsets.US_ASCII);
      }
    }
    return null;
  }

  /** The rest of the current line after the field cursor, trimmed. */
  String rest() {
    int start = fieldEnd;
    int end = lineEnd;
    while (start < end && isBlank(buffer[start])) {
      start++;
    }
    while (end > start && (isBlank(buffer[end - 1]) || buffer[end - 1] == '\r')) {
      end--;
    }
    return new String(buffer, start, end - start, StandardCharsets.US_ASCII);
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t' || b == '\r';
  }
}

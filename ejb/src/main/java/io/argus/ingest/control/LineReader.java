package io.argus.ingest.control;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a character stream into lines without holding more than one line, and cuts lines that
 * exceed a limit so that one endless line cannot exhaust memory.
 */
final class LineReader {

  private final Reader in;
  private final int maxLength;
  private final char[] buffer = new char[16 * 1024];
  private final StringBuilder line = new StringBuilder(256);
  private int next;
  private int end;
  private long number;
  private boolean truncated;
  private boolean eof;

  LineReader(Reader in, int maxLength) {
    this.in = in;
    this.maxLength = maxLength;
  }

  /** The next line without its terminator ('\n', or "\r\n"), or {@code null} at the end. */
  String next() throws IOException {
    if (eof) {
      return null;
    }
    line.setLength(0);
    truncated = false;
    boolean any = false;
    while (true) {
      if (next == end) {
        end = in.read(buffer, 0, buffer.length);
        next = 0;
        if (end <= 0) {
          end = 0;
          eof = true;
          if (!any) {
            return null;
          }
          number++;
          return finish();
        }
      }
      any = true;
      int start = next;
      while (next < end && buffer[next] != '\n') {
        next++;
      }
      append(start, next);
      if (next < end) {
        next++;
        number++;
        return finish();
      }
    }
  }

  /** 1-based number of the line last returned. */
  long number() {
    return number;
  }

  /** Whether the line last returned was cut at the limit. */
  boolean truncated() {
    return truncated;
  }

  private void append(int from, int to) {
    int room = maxLength + 1 - line.length();
    int count = to - from;
    if (count > room) {
      truncated = true;
      count = Math.max(room, 0);
    }
    line.append(buffer, from, count);
  }

  private String finish() {
    int length = line.length();
    if (length > 0 && line.charAt(length - 1) == '\r') {
      // Files saved on Windows end lines with CR LF; the format means the same line.
      line.setLength(length - 1);
    }
    if (line.length() > maxLength) {
      truncated = true;
      line.setLength(maxLength);
    }
    return line.toString();
  }
}

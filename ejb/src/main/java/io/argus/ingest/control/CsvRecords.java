package io.argus.ingest.control;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads RFC 4180 records (comma separated, fields optionally in double quotes with {@code ""} for a
 * quote, CRLF or LF line ends, line breaks allowed inside quotes) one at a time. A malformed record
 * is still returned, whole, with its first problem, so the caller can report it and go on.
 */
final class CsvRecords {

  /** A record: the line it starts on, its fields, and its first syntax problem if any. */
  record Record(long line, List<String> fields, Optional<Problem> problem) {}

  /** A syntax problem in the field with this 1-based number, or 0 for the record as a whole. */
  record Problem(int field, String message) {}

  private static final int EOF = -1;

  private final Reader in;
  private final int maxLength;
  private final char[] buffer = new char[16 * 1024];
  private int next;
  private int end;
  private long line = 1;

  CsvRecords(Reader in, int maxLength) {
    this.in = in;
    this.maxLength = maxLength;
  }

  /** The next record, or {@code null} after the last one. */
  Record next() throws IOException {
    int c = read();
    if (c == EOF) {
      return null;
    }
    long start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    Problem problem = null;
    int length = 0;
    boolean overflow = false;
    boolean quoted = false;
    boolean afterClosingQuote = false;
    boolean fieldStarted = false;
    while (true) {
      if (c == EOF) {
        if (quoted) {
          problem = first(problem, fields.size() + 1, "unterminated quoted field");
        }
        fields.add(field.toString());
        return new Record(start, fields, Optional.ofNullable(problem));
      }
      char ch = (char) c;
      if (ch == '\n') {
        line++;
      }
      if (!overflow && ++length > maxLength) {
        // Keep scanning to find where the record ends, but stop storing it.
        overflow = true;
        problem = new Problem(0, "row is longer than " + maxLength + " characters");
        fields.clear();
        field.setLength(0);
      }
      if (quoted) {
        if (ch == '"') {
          quoted = false;
          afterClosingQuote = true;
        } else if (!overflow) {
          field.append(ch);
        }
      } else if (ch == ',') {
        if (!overflow) {
          fields.add(field.toString());
        }
        field.setLength(0);
        fieldStarted = false;
        afterClosingQuote = false;
      } else if (ch == '\n') {
        int last = field.length() - 1;
        if (last >= 0 && field.charAt(last) == '\r' && !afterClosingQuote) {
          field.setLength(last);
        }
        fields.add(field.toString());
        return new Record(start, fields, Optional.ofNullable(problem));
      } else if (ch == '"') {
        if (afterClosingQuote) {
          // "" inside a quoted field: the closing quote was the first half of an escaped quote.
          field.append(overflow ? "" : "\"");
          quoted = true;
          afterClosingQuote = false;
        } else if (!fieldStarted) {
          quoted = true;
          fieldStarted = true;
        } else {
          problem = first(problem, fields.size() + 1, "quote inside an unquoted field");
        }
      } else if (afterClosingQuote) {
        if (ch != '\r') {
          problem = first(problem, fields.size() + 1, "unexpected character after the closing quote of a field");
          afterClosingQuote = false;
        }
      } else {
        if (!overflow) {
          field.append(ch);
        }
        fieldStarted = true;
      }
      c = read();
    }
  }

  private static Problem first(Problem existing, int field, String message) {
    return existing != null ? existing : new Problem(field, message);
  }

  private int read() throws IOException {
    if (next == end) {
      end = in.read(buffer, 0, buffer.length);
      next = 0;
      if (end <= 0) {
        end = 0;
        return EOF;
      }
    }
    return buffer[next++];
  }
}

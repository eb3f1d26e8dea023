package io.argus.ingest.control;

/**
 * A malformed token at a character index of one line or field. Thrown and caught inside the
 * parsers only, once per bad line, so it skips the stack trace that nobody reads.
 */
final class SyntaxError extends Exception {

  private static final long serialVersionUID = 1L;

  private final int index;

  SyntaxError(int index, String message) {
    super(message, null, false, false);
    this.index = index;
  }

  /** 0-based index of the offending character. */
  int index() {
    return index;
  }
}

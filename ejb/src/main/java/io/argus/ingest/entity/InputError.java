package io.argus.ingest.entity;

/** One rejected piece of an ingested document, located precisely enough for its author to fix it. */
public sealed interface InputError permits LineError, RowError {

  /** Why the piece was rejected. */
  String message();

  /** Location and reason in one line, e.g. {@code line 7, column 12: unterminated label value}. */
  String describe();
}

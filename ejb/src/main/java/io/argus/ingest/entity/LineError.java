package io.argus.ingest.entity;

import java.util.Objects;

/** A rejected line of a text exposition: 1-based line and column, and the reason. */
public record LineError(long line, int column, String message) implements InputError {

  public LineError {
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String describe() {
    return "line " + line + ", column " + column + ": " + message;
  }
}

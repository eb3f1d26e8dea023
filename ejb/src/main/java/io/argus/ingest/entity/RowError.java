package io.argus.ingest.entity;

import java.util.Objects;
import java.util.Optional;

/**
 * A rejected row of a CSV batch: its 1-based data row number (the header is not counted), the
 * physical line it starts on, the column at fault when one is, and the reason.
 */
public record RowError(long row, long line, Optional<String> column, String message) implements InputError {

  public RowError {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String describe() {
    return "row " + row + " (line " + line + ")" + column.map(c -> ", column " + c).orElse("") + ": " + message;
  }
}

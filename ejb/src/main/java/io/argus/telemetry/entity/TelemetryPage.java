package io.argus.telemetry.entity;

import java.util.List;
import java.util.Optional;

/** One page of a query's rows, and the cursor of the next page when there is one. */
public record TelemetryPage(List<TelemetryRow> rows, Optional<String> nextCursor) {

  public TelemetryPage {
    rows = List.copyOf(rows);
  }
}

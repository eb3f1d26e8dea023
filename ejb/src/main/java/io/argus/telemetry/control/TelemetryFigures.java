package io.argus.telemetry.control;

import io.argus.ops.control.StoreFigures;
import io.argus.platform.control.DependencyUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalLong;

/** The store's figures for {@code /stats}: samples written since start, the writer's backlog, the hosts. */
@ApplicationScoped
public class TelemetryFigures implements StoreFigures {

  @Inject
  TelemetryBuffer buffer;

  @Inject
  TelemetryStore store;

  @Override
  public long samplesWritten() {
    return buffer.writerStatus().written();
  }

  @Override
  public long writeBacklog() {
    return buffer.stats().backlog();
  }

  @Override
  public OptionalLong hostsKnown() {
    try {
      return OptionalLong.of(store.reader().hostCount());
    } catch (DependencyUnavailable e) {
      return OptionalLong.empty(); // /stats still answers while the database is away
    }
  }
}

package io.argus.telemetry.control;

import io.argus.ops.control.StoreFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The store's figures for {@code /stats}: samples written since start and the writer's backlog. */
@ApplicationScoped
public class TelemetryFigures implements StoreFigures {

  @Inject
  TelemetryBuffer buffer;

  @Override
  public long samplesWritten() {
    return buffer.writerStatus().written();
  }

  @Override
  public long writeBacklog() {
    return buffer.stats().backlog();
  }
}

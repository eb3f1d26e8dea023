package io.argus.collect.boundary;

import io.argus.cluster.control.ClusterSettings;
import io.argus.collect.control.SnapshotSamples;
import io.argus.collect.entity.Snapshot;
import io.argus.telemetry.control.TelemetryBuffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands every snapshot the collector publishes to the telemetry store's buffer (which never blocks
 * the collector), unless {@code argus.collect.store} is off.
 */
@ApplicationScoped
public class SnapshotRecorder {

  @Inject
  TelemetryBuffer buffer;

  @Inject
  @ConfigProperty(name = "argus.collect.store", defaultValue = "true")
  boolean store;

  @Inject
  ClusterSettings cluster;

  void record(@Observes Snapshot snapshot) {
    if (!store || !cluster.role().collects()) {
      return;
    }
    SnapshotSamples.Batch batch = SnapshotSamples.of(snapshot);
    buffer.offer(batch.samples(), batch.gpus(), List.of(batch.host()), snapshot.time());
  }
}

package io.argus.session.entity;

import java.util.Optional;

/** A collect call's result: the collection it recorded and, when asked for, what it imported into the telemetry store. */
public record CollectionOutcome(Collection collection, Optional<TelemetryImport> imported) {}

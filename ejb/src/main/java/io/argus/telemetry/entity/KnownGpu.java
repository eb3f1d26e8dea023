package io.argus.telemetry.entity;

import java.time.Instant;

/** A GPU as the store knows it; null where unknown. */
public record KnownGpu(
    String uuid, int index, String device, String modelName, String hostname, String pciBusId, String driverVersion,
    Long memoryTotalBytes, String migParentUuid, String migProfile, Instant firstSeen, Instant lastSeen) {}

package io.argus.telemetry.entity;

import java.time.Instant;

/** A node as the store knows it, with the number of GPUs known on it; null where unknown. */
public record KnownHost(
    String nodeId, String hostname, String os, String cpuModel, Integer cpuCores, Integer cpuThreads,
    Long memoryTotalBytes, int gpuCount, Instant firstSeen, Instant lastSeen) {}

package io.argus.telemetry.entity;

/** What the store keeps about a node besides its samples; null where unknown. */
public record HostInventoryEntry(
    String nodeId, String hostname, String os, String cpuModel, Integer cpuCores, Integer cpuThreads,
    Long memoryTotalBytes) {}

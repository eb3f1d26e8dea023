package io.argus.telemetry.entity;

/** What the store keeps about a GPU (or MIG instance) besides its samples; null where unknown. */
public record GpuInventoryEntry(
    String uuid, int index, String device, String modelName, String hostname, String pciBusId,
    String driverVersion, Long memoryTotalBytes, String migParentUuid, String migProfile) {}

package io.argus.host.entity;

import java.util.Optional;

/**
 * What a host is rather than what it is doing: identity, OS, processor and capacities.
 *
 * <p>{@code platform} and {@code architecture} use the spellings clients of the system-monitor API
 * already expect ({@code linux}, {@code x86_64}); the disk total counts physical block devices
 * only.
 */
public record HostInfo(
    String hostname,
    String platform,
    String operatingSystem,
    String osVersion,
    String architecture,
    String cpuModel,
    int physicalCores,
    int logicalCores,
    long memoryTotalBytes,
    long swapTotalBytes,
    long diskTotalBytes,
    Optional<String> ipAddress) {}

package io.argus.host.entity;

import java.util.OptionalDouble;

/**
 * Space on one mounted file system; the percent is computed as df does, against what an
 * unprivileged user can reach, so blocks reserved for root do not hide a full disk.
 */
public record FileSystemUsage(
    String mount,
    String type,
    String device,
    long totalBytes,
    long freeBytes,
    long availableBytes,
    long usedBytes,
    OptionalDouble usedPercent) {}

package io.argus.host.entity;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Swap space; the percent is absent on a machine without swap rather than a misleading zero. */
public record Swap(
    long totalBytes,
    long usedBytes,
    long freeBytes,
    OptionalDouble usedPercent,
    OptionalLong pagesIn,
    OptionalLong pagesOut) {}

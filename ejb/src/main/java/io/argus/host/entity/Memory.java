package io.argus.host.entity;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Physical memory; "used" is total minus available (what applications cannot get back), "free" is
 * the kernel's never-touched figure and only known where the OS reports it.
 */
public record Memory(
    long totalBytes,
    long availableBytes,
    long usedBytes,
    OptionalLong freeBytes,
    OptionalDouble usedPercent) {}

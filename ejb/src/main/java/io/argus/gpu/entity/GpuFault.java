package io.argus.gpu.entity;

import java.util.Optional;

/**
 * A GPU the driver counts but that could not be read this time.
 *
 * @param uuid known when the GPU was readable earlier in this driver session
 * @param error the backend's error name, e.g. {@code GPU_IS_LOST} or {@code NO_PERMISSION}
 * @param lost true when the GPU fell off the bus or the driver failed: the backend re-initialises
 */
public record GpuFault(int index, Optional<String> uuid, String error, boolean lost) {}

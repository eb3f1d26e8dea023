package io.argus.gpu.entity;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A compute process running on a GPU or MIG instance.
 *
 * @param usedMemoryBytes absent where the driver cannot tell (Windows WDDM, some containers)
 * @param gpuInstanceId the MIG GPU instance the process runs in; absent without MIG
 * @param computeInstanceId the MIG compute instance; absent without MIG
 */
public record GpuProcess(
    long pid,
    OptionalLong usedMemoryBytes,
    OptionalInt gpuInstanceId,
    OptionalInt computeInstanceId) {}

package io.argus.gpu.entity;

import java.util.OptionalInt;

/**
 * An Xid error the driver reported for a GPU since the previous read.
 *
 * @param xid the Xid number (NVIDIA's "Xid Errors" catalogue; 999 means unknown)
 * @param gpuInstanceId the MIG GPU instance the error is attributed to, if any
 */
public record XidEvent(
    int gpuIndex,
    String gpuUuid,
    long xid,
    OptionalInt gpuInstanceId,
    OptionalInt computeInstanceId) {}

package io.argus.telemetry.entity;

import java.time.Instant;

/**
 * One sample as the query API returns it, with the GPU's identity and who used it; for a downsampled
 * query, one step (its start time) of one series and metric. {@code labelsJson} is the series'
 * other labels as a JSON object.
 */
public record TelemetryRow(
    Instant timestamp, String metricName, int gpuId, String device, String uuid, String modelName, String hostname,
    String container, String pod, String namespace, String slurmJob, double value, String labelsJson,
    long seriesId) {}

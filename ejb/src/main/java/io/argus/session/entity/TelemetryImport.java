package io.argus.session.entity;

/**
 * What a collect with {@code import=true} stored in the telemetry store: the series that became GPU
 * rows, the samples written, the series left out (a host's, or a name the dictionary does not map),
 * and the samples of an earlier import of the same window that these replaced.
 */
public record TelemetryImport(int seriesImported, long samplesStored, int seriesSkipped, long samplesReplaced) {}

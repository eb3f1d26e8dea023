package io.argus.telemetry.entity;

import java.time.Instant;

/** One measurement on its way to the store: when, of which series, which metric (by name or alias), the value in that name's unit. */
public record SampleRow(Instant time, SeriesKey series, String metric, double value) {}

package io.argus.ingest.entity;

/** Whose time series a sample belongs to: one GPU, or one host. */
public sealed interface SeriesIdentity permits GpuIdentity, HostIdentity {}

package io.argus.session.entity;

import io.argus.slurm.entity.JobStatus;
import java.util.Optional;

/**
 * A session with what its launcher and Prometheus say right now; {@code jobError} says why the
 * job's state could not be read.
 */
public record SessionState(
    MonitoringSession session, Optional<JobStatus> job, Optional<String> jobError, boolean prometheusReady) {}

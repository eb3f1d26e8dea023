package io.argus.session.entity;

import java.util.Optional;

/** A validated request to create a session; an absent run id means "generate one". */
public record NewSession(
    Optional<String> runId,
    PrometheusDuration scrapeInterval,
    Optional<Integer> retentionHours,
    int prometheusPort,
    String promHost) {}

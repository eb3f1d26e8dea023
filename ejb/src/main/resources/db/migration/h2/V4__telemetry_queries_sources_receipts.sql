-- What the query API and the ingestion from outside need on top of V3 (see the PostgreSQL migration).

CREATE INDEX sample_series_ts ON sample (series_id, ts, metric_id);
CREATE INDEX series_attribution ON series (namespace, pod, container);
CREATE INDEX series_slurm_job ON series (slurm_job);
CREATE INDEX host_hostname ON host (hostname);

CREATE TABLE scrape_source (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    url             VARCHAR(2048) NOT NULL UNIQUE,
    kind            VARCHAR(32)   NOT NULL CHECK (kind IN ('dcgm', 'node', 'nvidia_gpu_exporter', 'prometheus')),
    interval_ms     BIGINT        NOT NULL CHECK (interval_ms >= 1000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_scrape_at  TIMESTAMP WITH TIME ZONE,
    last_success_at TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1024),
    last_samples    INTEGER
);

CREATE TABLE ingest_receipt (
    idempotency_key VARCHAR(255) PRIMARY KEY,
    body_sha256     CHAR(64)     NOT NULL,
    report          CHARACTER LARGE OBJECT NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ingest_receipt_created ON ingest_receipt (created_at);

-- What the query API and the ingestion from outside need on top of V3.

-- Both indexes of the query API cover the value, so reads are index-only (no heap page per sample:
-- one series' samples are spread over every page of the day, between all other series').
-- One GPU's samples over a window in time order, every metric: the main read.
CREATE INDEX sample_series_ts ON sample (series_id, ts, metric_id) INCLUDE (value);
-- One metric of a series over a window, and the downsampled reads (replaces V3's index without value).
DROP INDEX sample_series_metric_ts;
CREATE INDEX sample_series_metric_ts ON sample (series_id, metric_id, ts) INCLUDE (value);
-- The attribution filters of the query API (container, pod, namespace, SLURM job) find series.
CREATE INDEX series_attribution ON series (namespace, pod, container);
CREATE INDEX series_slurm_job ON series (slurm_job) WHERE slurm_job <> '';
CREATE INDEX host_hostname ON host (hostname);

-- Prometheus-format endpoints Argus scrapes on a timer.
CREATE TABLE scrape_source (
    id              BIGSERIAL PRIMARY KEY,
    url             VARCHAR(2048) NOT NULL UNIQUE,
    kind            VARCHAR(32)   NOT NULL CHECK (kind IN ('dcgm', 'node', 'nvidia_gpu_exporter', 'prometheus')),
    interval_ms     BIGINT        NOT NULL CHECK (interval_ms >= 1000),
    created_at      TIMESTAMPTZ   NOT NULL,
    last_scrape_at  TIMESTAMPTZ,
    last_success_at TIMESTAMPTZ,
    last_error      VARCHAR(1024),
    last_samples    INTEGER
);

-- Batch ingest requests made with an Idempotency-Key: the key, a digest of the body and the answer
-- given, so a retry gets the same answer and stores nothing twice. Kept for a configured time.
CREATE TABLE ingest_receipt (
    idempotency_key VARCHAR(255) PRIMARY KEY,
    body_sha256     CHAR(64)     NOT NULL,
    report          TEXT         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ingest_receipt_created ON ingest_receipt (created_at);

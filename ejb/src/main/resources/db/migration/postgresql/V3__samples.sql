-- The time series. A series is one GPU or host, with who used it (container, pod, namespace,
-- SLURM job) and any further labels; a sample is (time, series, metric, value). Keeping the
-- attribution in the series keeps the sample row narrow, which is what makes COPY fast.

CREATE TABLE series (
    id         BIGSERIAL PRIMARY KEY,
    gpu_id     BIGINT REFERENCES gpu (id) ON DELETE CASCADE,
    host_id    BIGINT REFERENCES host (id) ON DELETE CASCADE,
    container  VARCHAR(253) NOT NULL DEFAULT '',
    pod        VARCHAR(253) NOT NULL DEFAULT '',
    namespace  VARCHAR(253) NOT NULL DEFAULT '',
    slurm_job  VARCHAR(64)  NOT NULL DEFAULT '',
    labels     JSONB        NOT NULL DEFAULT '{}'::jsonb,
    first_seen TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK ((gpu_id IS NULL) <> (host_id IS NULL))
);
-- one series per subject and attribution; NULLS NOT DISTINCT would need PostgreSQL 15 everywhere
CREATE UNIQUE INDEX series_identity ON series (
    COALESCE(gpu_id, 0), COALESCE(host_id, 0), container, pod, namespace, slurm_job, md5(labels::text));
CREATE INDEX series_gpu ON series (gpu_id) WHERE gpu_id IS NOT NULL;
CREATE INDEX series_host ON series (host_id) WHERE host_id IS NOT NULL;

-- Range-partitioned by day; partitions are created ahead by the application and dropped whole
-- by retention. No foreign keys here: they would cost every COPY a lookup.
CREATE TABLE sample (
    ts        TIMESTAMPTZ      NOT NULL,
    series_id BIGINT           NOT NULL,
    metric_id INTEGER          NOT NULL,
    value     DOUBLE PRECISION NOT NULL
) PARTITION BY RANGE (ts);
CREATE INDEX sample_series_metric_ts ON sample (series_id, metric_id, ts);
CREATE INDEX sample_ts ON sample USING brin (ts);

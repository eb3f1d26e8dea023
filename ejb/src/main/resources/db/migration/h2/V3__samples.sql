-- The time series (see the PostgreSQL migration for the model). H2 has no partitions: one table.

CREATE TABLE series (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    gpu_id     BIGINT REFERENCES gpu (id) ON DELETE CASCADE,
    host_id    BIGINT REFERENCES host (id) ON DELETE CASCADE,
    container  VARCHAR(253) NOT NULL DEFAULT '',
    pod        VARCHAR(253) NOT NULL DEFAULT '',
    namespace  VARCHAR(253) NOT NULL DEFAULT '',
    slurm_job  VARCHAR(64)  NOT NULL DEFAULT '',
    labels     VARCHAR(4000) NOT NULL DEFAULT '{}',
    first_seen TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CHECK ((gpu_id IS NULL) <> (host_id IS NULL))
);
ALTER TABLE series ADD CONSTRAINT series_identity
    UNIQUE NULLS NOT DISTINCT (gpu_id, host_id, container, pod, namespace, slurm_job, labels);
CREATE INDEX series_host ON series (host_id);

CREATE TABLE sample (
    ts        TIMESTAMP WITH TIME ZONE NOT NULL,
    series_id BIGINT           NOT NULL,
    metric_id INTEGER          NOT NULL,
    value     DOUBLE PRECISION NOT NULL
);
CREATE INDEX sample_series_metric_ts ON sample (series_id, metric_id, ts);
CREATE INDEX sample_ts ON sample (ts);

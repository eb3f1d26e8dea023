-- HPC monitoring sessions: a Prometheus per session (a SLURM job or a local process), the clients
-- and services it scrapes, and the collections written from it. Kept across restarts so that the
-- reconciler can follow jobs that outlive the application. Timestamps are UTC.

CREATE TABLE monitoring_session (
    id              VARCHAR(64)   PRIMARY KEY,
    status          VARCHAR(16)   NOT NULL CHECK (status IN
                        ('CREATED', 'STARTING', 'RUNNING', 'STOPPED', 'FAILED', 'COMPLETED', 'CANCELLED')),
    status_reason   VARCHAR(2048),
    scrape_interval VARCHAR(32)   NOT NULL,
    retention_hours INTEGER       CHECK (retention_hours > 0),
    prom_host       VARCHAR(253)  NOT NULL,
    prometheus_port INTEGER       NOT NULL CHECK (prometheus_port BETWEEN 1 AND 65535),
    prometheus_url  VARCHAR(512)  NOT NULL,
    workdir         VARCHAR(1024) NOT NULL,
    launcher        VARCHAR(16)   CHECK (launcher IN ('slurm', 'local')),
    job_id          VARCHAR(32),
    node            VARCHAR(253),
    partition_name  VARCHAR(64),
    time_limit      VARCHAR(32),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE,
    ended_at        TIMESTAMP WITH TIME ZONE,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX monitoring_session_status ON monitoring_session (status);
CREATE INDEX monitoring_session_created ON monitoring_session (created_at);

-- Ids of the tables below come from sequences: the JPA provider reads them before inserting
-- (identity columns would need a call H2 2 no longer has).
CREATE SEQUENCE session_client_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE session_service_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE collection_seq START WITH 1 INCREMENT BY 1;

-- A client's exporters and preferences as registered (JSON objects); the scrape targets are derived.
CREATE TABLE session_client (
    id            BIGINT        PRIMARY KEY,
    session_id    VARCHAR(64)   NOT NULL REFERENCES monitoring_session (id) ON DELETE CASCADE,
    client_id     VARCHAR(64)   NOT NULL,
    node          VARCHAR(253)  NOT NULL,
    exporters     VARCHAR(4096) NOT NULL,
    preferences   VARCHAR(1024) NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT session_client_unique UNIQUE (session_id, client_id)
);

CREATE TABLE session_service (
    id            BIGINT        PRIMARY KEY,
    session_id    VARCHAR(64)    NOT NULL REFERENCES monitoring_session (id) ON DELETE CASCADE,
    client_id     VARCHAR(64)    NOT NULL,
    name          VARCHAR(64)    NOT NULL,
    endpoint      VARCHAR(1024)  NOT NULL,
    labels        VARCHAR(65536) NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT session_service_unique UNIQUE (session_id, client_id, name)
);

-- One collect call: the window, the step and where the artifacts went.
CREATE TABLE collection (
    id           BIGINT        PRIMARY KEY,
    session_id   VARCHAR(64)   NOT NULL REFERENCES monitoring_session (id) ON DELETE CASCADE,
    run_id       VARCHAR(64)   NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    window_end   TIMESTAMP WITH TIME ZONE NOT NULL,
    step_ms      BIGINT        NOT NULL CHECK (step_ms > 0),
    out_dir      VARCHAR(4096) NOT NULL,
    series_count INTEGER       NOT NULL,
    row_count    BIGINT        NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (window_start < window_end)
);
CREATE INDEX collection_session ON collection (session_id, created_at);

CREATE TABLE collection_artifact (
    collection_id BIGINT        NOT NULL REFERENCES collection (id) ON DELETE CASCADE,
    name          VARCHAR(32)   NOT NULL,
    path          VARCHAR(4096) NOT NULL,
    media_type    VARCHAR(64)   NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    row_count     BIGINT,
    PRIMARY KEY (collection_id, name)
);

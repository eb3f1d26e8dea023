-- The store's dictionaries: nodes, GPUs and the metric dictionary. Time-series tables come in
-- later versions. Timestamps are UTC (timestamptz).

CREATE TABLE host (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    node_id            VARCHAR(253) NOT NULL UNIQUE,
    hostname           VARCHAR(253) NOT NULL,
    os                 VARCHAR(256),
    cpu_model          VARCHAR(256),
    cpu_cores          INTEGER CHECK (cpu_cores >= 0),
    cpu_threads        INTEGER CHECK (cpu_threads >= 0),
    memory_total_bytes BIGINT CHECK (memory_total_bytes >= 0),
    first_seen         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen          TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE gpu (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid               VARCHAR(96) NOT NULL UNIQUE,
    gpu_index          INTEGER NOT NULL CHECK (gpu_index >= 0),
    device             VARCHAR(64),
    model_name         VARCHAR(256),
    hostname           VARCHAR(253) NOT NULL,
    pci_bus_id         VARCHAR(32),
    driver_version     VARCHAR(64),
    memory_total_bytes BIGINT CHECK (memory_total_bytes >= 0),
    mig_parent_uuid    VARCHAR(96),
    mig_profile        VARCHAR(64),
    first_seen         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX gpu_hostname_index ON gpu (hostname, gpu_index);
CREATE INDEX gpu_model_name ON gpu (model_name);

CREATE TABLE metric (
    id     INTEGER PRIMARY KEY,
    name   VARCHAR(128) NOT NULL UNIQUE,
    unit   VARCHAR(32)  NOT NULL,
    kind   VARCHAR(16)  NOT NULL CHECK (kind IN ('gauge', 'counter')),
    source VARCHAR(16)  NOT NULL,
    help   VARCHAR(512) NOT NULL
);

-- Names the same quantity has elsewhere (DCGM fields, nvidia_gpu_exporter, the seeds' names), with
-- the factor that turns the foreign unit into ours (MiB -> bytes, mJ -> J, MHz -> Hz).
CREATE TABLE metric_alias (
    alias     VARCHAR(128) PRIMARY KEY,
    metric_id INTEGER NOT NULL REFERENCES metric (id) ON DELETE CASCADE,
    scale     DOUBLE PRECISION NOT NULL DEFAULT 1
);
CREATE INDEX metric_alias_metric ON metric_alias (metric_id);

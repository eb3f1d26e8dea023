-- The Argus node that reported a series (see the PostgreSQL migration).
ALTER TABLE series ADD COLUMN node_id VARCHAR(253) NOT NULL DEFAULT '';
ALTER TABLE series DROP CONSTRAINT series_identity;
ALTER TABLE series ADD CONSTRAINT series_identity
    UNIQUE NULLS NOT DISTINCT (gpu_id, host_id, container, pod, namespace, slurm_job, labels, node_id);
CREATE INDEX series_node ON series (node_id);

-- The Argus node that reported a series (its argus.node.id): in a cluster many collectors write to
-- one store, and every sample names its reporter through its series. Empty for samples that came
-- from outside Argus (batch ingest of CSV or JSON rows). Part of the series identity, so the same
-- GPU reported by two nodes is two series.
ALTER TABLE series ADD COLUMN node_id VARCHAR(253) NOT NULL DEFAULT '';
DROP INDEX series_identity;
CREATE UNIQUE INDEX series_identity ON series (
    COALESCE(gpu_id, 0), COALESCE(host_id, 0), container, pod, namespace, slurm_job, md5(labels::text), node_id);
CREATE INDEX series_node ON series (node_id);

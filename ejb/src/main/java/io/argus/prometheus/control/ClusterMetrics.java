package io.argus.prometheus.control;

import io.argus.cluster.boundary.Leadership;
import io.argus.cluster.entity.ClusterJob;
import java.util.List;

/** This node's place in the cluster as metric families: its role and node id, and which cluster-wide jobs it leads. */
public final class ClusterMetrics {

  private ClusterMetrics() {}

  public static List<MetricFamily> from(Leadership.View view) {
    MetricFamily.Builder leader = MetricFamily.gauge("argus_cluster_leader",
        "1 while this node leads the cluster-wide job, else 0");
    for (ClusterJob job : ClusterJob.values()) {
      leader.add(view.leads().contains(job) ? 1 : 0, "job", job.label());
    }
    return List.of(
        MetricFamily.gauge("argus_cluster_node_info", "This node's id and role (value is always 1)")
            .add(1, "node", view.nodeId(), "role", view.role().configName()).build(),
        leader.build());
  }
}

package io.argus.cluster.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.cluster.entity.ClusterJob;
import io.argus.cluster.entity.NodeRole;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

  @Test
  void rolesParseCaseInsensitivelyAndAnythingElseNamesTheChoices() {
    assertThat(NodeRole.parse(" Collector ")).isEqualTo(NodeRole.COLLECTOR);
    assertThat(NodeRole.parse("api").collects()).isFalse();
    assertThat(NodeRole.parse("collector").serves()).isFalse();
    assertThatThrownBy(() -> NodeRole.parse("leader")).hasMessageContaining("all, collector, api").hasMessageContaining("'leader'");
    assertThatThrownBy(() -> NodeRole.parse("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void collectorsCompeteForStoreMaintenanceOnlyUnlessConfigured() {
    assertThat(ClusterSettings.jobs(NodeRole.COLLECTOR, Optional.empty())).containsExactly(ClusterJob.STORE_MAINTENANCE);
    assertThat(ClusterSettings.jobs(NodeRole.API, Optional.empty())).containsExactly(ClusterJob.values());
    assertThat(ClusterSettings.jobs(NodeRole.ALL, Optional.of(List.of("none")))).isEmpty();
    assertThat(ClusterSettings.jobs(NodeRole.COLLECTOR, Optional.of(List.of("source-scraping", " SESSION-RECONCILING"))))
        .containsExactly(ClusterJob.SOURCE_SCRAPING, ClusterJob.SESSION_RECONCILING);
    assertThatThrownBy(() -> ClusterSettings.jobs(NodeRole.ALL, Optional.of(List.of("retention"))))
        .hasMessageContaining("unknown job 'retention'");
  }

  @Test
  void theNodeIdIsTheConfiguredOneElseTheHostName() {
    assertThat(ClusterSettings.nodeId(Optional.of(" gpu-node-17 "), () -> "host")).isEqualTo("gpu-node-17");
    assertThat(ClusterSettings.nodeId(Optional.of(""), () -> "host")).isEqualTo("host");
    assertThat(ClusterSettings.nodeId(Optional.empty(), () -> "host")).isEqualTo("host");
    assertThatThrownBy(() -> ClusterSettings.nodeId(Optional.of("two words"), () -> "h")).hasMessageContaining("argus.node.id");
    assertThatThrownBy(() -> ClusterSettings.nodeId(Optional.of("x".repeat(254)), () -> "h")).hasMessageContaining("253");
  }
}

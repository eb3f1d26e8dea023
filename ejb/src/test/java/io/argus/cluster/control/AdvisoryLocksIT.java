package io.argus.cluster.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.cluster.entity.ClusterJob;
import io.argus.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Leader election on the real PostgreSQL: one leader per job, failover when the leader's connection dies. */
class AdvisoryLocksIT {

  private static final Set<ClusterJob> ALL = EnumSet.allOf(ClusterJob.class);

  private static AdvisoryLocks node(PostgresTestDatabase db, String id) {
    return new AdvisoryLocks(name -> {
      Connection c = db.connect();
      try (PreparedStatement ps = c.prepareStatement("SELECT set_config('application_name', ?, false)")) {
        ps.setString(1, name);
        ps.execute();
      }
      return c;
    }, id);
  }

  @Test
  void oneNodeLeadsEachJobAndAnotherTakesOverWhenItsConnectionDies() throws Exception {
    try (PostgresTestDatabase db = PostgresTestDatabase.create("leaders");
        AdvisoryLocks a = node(db, "node-a");
        AdvisoryLocks b = node(db, "node-b")) {
      assertThat(a.refresh(ALL)).containsExactlyInAnyOrderElementsOf(ALL);
      assertThat(b.refresh(ALL)).isEmpty();
      assertThat(b.leaders()).containsOnlyKeys(ALL).allSatisfy((job, leader) -> assertThat(leader).isEqualTo("node-a"));
      assertThat(a.refresh(ALL)).as("a leader keeps its jobs").containsExactlyInAnyOrderElementsOf(ALL);

      // the leader dies: its backend goes away, and with it the locks (waiting up to 10 s for the backend
      // to have exited: without the timeout the call returns while it is still going, locks held)
      db.execute("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE application_name = 'argus:node-a'");
      assertThat(b.refresh(ALL)).containsExactlyInAnyOrderElementsOf(ALL);
      assertThat(a.refresh(ALL)).as("the old leader learns it lost, and does not take them back").isEmpty();
      assertThat(a.leaders()).allSatisfy((job, leader) -> assertThat(leader).isEqualTo("node-b"));
    }
  }

  @Test
  void aNodeLeadsOnlyTheJobsItCompetesForAndHandsOverOnClose() throws Exception {
    try (PostgresTestDatabase db = PostgresTestDatabase.create("handover");
        AdvisoryLocks collector = node(db, "collector-1");
        AdvisoryLocks api = node(db, "api-1")) {
      assertThat(collector.refresh(EnumSet.of(ClusterJob.STORE_MAINTENANCE))).containsExactly(ClusterJob.STORE_MAINTENANCE);
      assertThat(api.refresh(ALL)).containsExactlyInAnyOrder(ClusterJob.SOURCE_SCRAPING, ClusterJob.SESSION_RECONCILING);
      collector.close();
      assertThat(api.refresh(ALL)).containsExactlyInAnyOrderElementsOf(ALL);
      assertThat(api.leads(ClusterJob.STORE_MAINTENANCE)).isTrue();
    }
  }
}

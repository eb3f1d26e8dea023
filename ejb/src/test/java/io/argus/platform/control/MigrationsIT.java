package io.argus.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.testing.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migrations against the real PostgreSQL and an embedded H2: empty database to current, twice. */
class MigrationsIT {

  @Test
  void postgresqlMigratesFromEmptyAndASecondRunChangesNothing() throws Exception {
    try (PostgresTestDatabase db = PostgresTestDatabase.create("migrations")) {
      DatabaseSettings settings = DatabaseSettings.resolve(key -> Optional.ofNullable(
          Map.of("argus.db.url", db.url(), "argus.db.user", db.user()).get(key)));
      DataSource ds = ArgusDataSource.create(settings);

      MigrateResult first = Migrations.apply(ds, DatabaseSettings.Vendor.POSTGRESQL);
      assertThat(first.success).isTrue();
      assertThat(first.migrationsExecuted).isGreaterThanOrEqualTo(2);
      List<String> tablesAfterFirst = tables(ds);
      assertThat(tablesAfterFirst).contains("host", "gpu", "metric", "metric_alias", "monitoring_session", "session_client",
          "session_service", "collection", "collection_artifact", "api_key");
      int metrics = count(ds, "SELECT count(*) FROM metric");

      MigrateResult second = Migrations.apply(ds, DatabaseSettings.Vendor.POSTGRESQL);
      assertThat(second.migrationsExecuted).isZero();
      assertThat(second.targetSchemaVersion).isNull();
      assertThat(tables(ds)).isEqualTo(tablesAfterFirst);
      assertThat(count(ds, "SELECT count(*) FROM metric")).isEqualTo(metrics);
    }
  }

  @Test
  void theDictionaryMapsEveryDcgmDefaultCounterWithAUnitScale() throws Exception {
    try (PostgresTestDatabase db = PostgresTestDatabase.create("dictionary")) {
      DataSource ds = ArgusDataSource.create(DatabaseSettings.resolve(key -> Optional.ofNullable(
          Map.of("argus.db.url", db.url(), "argus.db.user", db.user()).get(key))));
      Migrations.apply(ds, DatabaseSettings.Vendor.POSTGRESQL);
      try (Connection c = ds.getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT m.name, m.unit, a.scale FROM metric_alias a JOIN metric m ON m.id = a.metric_id"
              + " WHERE a.alias = 'DCGM_FI_DEV_FB_USED'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("gpu_memory_used_bytes");
        assertThat(rs.getString(2)).isEqualTo("bytes");
        assertThat(rs.getDouble(3)).isEqualTo(1024.0 * 1024.0);
      }
      // every field of dcgm-exporter's default counter list that is a number has an alias
      List<String> defaults = List.of("DCGM_FI_DEV_SM_CLOCK", "DCGM_FI_DEV_MEM_CLOCK", "DCGM_FI_DEV_MEMORY_TEMP",
          "DCGM_FI_DEV_GPU_TEMP", "DCGM_FI_DEV_POWER_USAGE", "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION",
          "DCGM_FI_DEV_PCIE_REPLAY_COUNTER", "DCGM_FI_DEV_GPU_UTIL", "DCGM_FI_DEV_MEM_COPY_UTIL", "DCGM_FI_DEV_ENC_UTIL",
          "DCGM_FI_DEV_DEC_UTIL", "DCGM_FI_DEV_XID_ERRORS", "DCGM_FI_DEV_FB_FREE", "DCGM_FI_DEV_FB_USED",
          "DCGM_FI_DEV_FB_RESERVED", "DCGM_FI_DEV_NVLINK_BANDWIDTH_TOTAL", "DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS",
          "DCGM_FI_DEV_CORRECTABLE_REMAPPED_ROWS", "DCGM_FI_DEV_ROW_REMAP_FAILURE", "DCGM_FI_PROF_GR_ENGINE_ACTIVE",
          "DCGM_FI_PROF_PIPE_TENSOR_ACTIVE", "DCGM_FI_PROF_DRAM_ACTIVE", "DCGM_FI_PROF_PCIE_TX_BYTES",
          "DCGM_FI_PROF_PCIE_RX_BYTES");
      for (String field : defaults) {
        assertThat(count(ds, "SELECT count(*) FROM metric_alias WHERE alias = '" + field + "'")).as(field).isEqualTo(1);
      }
    }
  }

  @Test
  void h2MigratesFromEmptyAndASecondRunChangesNothing(@TempDir Path dir) throws Exception {
    DatabaseSettings settings = DatabaseSettings.resolve(key -> Optional.ofNullable(
        Map.of("argus.data.dir", dir.toString()).get(key)));
    DataSource ds = ArgusDataSource.create(settings);
    assertThat(Migrations.apply(ds, DatabaseSettings.Vendor.H2).migrationsExecuted).isGreaterThanOrEqualTo(2);
    assertThat(Migrations.apply(ds, DatabaseSettings.Vendor.H2).migrationsExecuted).isZero();
    assertThat(count(ds, "SELECT count(*) FROM metric")).isGreaterThan(40);
    assertThat(count(ds, "SELECT count(*) FROM monitoring_session")).isZero();
    assertThat(count(ds, "SELECT NEXT VALUE FOR collection_seq")).isEqualTo(1);
    assertThat(Files.list(dir).map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("argus") && n.endsWith(".db"));
  }

  @Test
  void aDatabaseChangedBehindFlywaysBackFailsValidationLoudly() throws Exception {
    try (PostgresTestDatabase db = PostgresTestDatabase.create("tampered")) {
      DataSource ds = ArgusDataSource.create(DatabaseSettings.resolve(key -> Optional.ofNullable(
          Map.of("argus.db.url", db.url(), "argus.db.user", db.user()).get(key))));
      Migrations.apply(ds, DatabaseSettings.Vendor.POSTGRESQL);
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
      }
      assertThatThrownBy(() -> Migrations.apply(ds, DatabaseSettings.Vendor.POSTGRESQL))
          .hasMessageContaining("checksum");
    }
  }

  private static List<String> tables(DataSource ds) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = ds.getConnection();
        ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE", "PARTITIONED TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    names.sort(null);
    return names;
  }

  private static int count(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}

package io.argus.telemetry.control;

import io.argus.ingest.control.SampleNormaliser;
import io.argus.ingest.entity.MetricDictionary;
import io.argus.platform.control.ArgusDataSource;
import io.argus.platform.control.DatabaseSettings;
import io.argus.platform.control.DatabaseSettings.Vendor;
import io.argus.platform.control.Migrations;
import io.argus.telemetry.entity.MetricKind;
import io.argus.testing.PostgresTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** A migrated store for integration tests: PostgreSQL (a fresh database) or H2 (a fresh directory). */
final class StoreFixture implements AutoCloseable {

  final PostgresTestDatabase db;
  final DataSource dataSource;
  final Vendor vendor;
  final SampleWriter writer;

  private StoreFixture(PostgresTestDatabase db, DataSource dataSource, Vendor vendor) {
    this.db = db;
    this.dataSource = dataSource;
    this.vendor = vendor;
    Migrations.apply(dataSource, vendor);
    this.writer = new SampleWriter(dataSource, vendor);
  }

  static StoreFixture postgres(String purpose) {
    PostgresTestDatabase db = PostgresTestDatabase.create(purpose);
    return new StoreFixture(db, ArgusDataSource.create(DatabaseSettings.resolve(k -> Optional.ofNullable(
        Map.of("argus.db.url", db.url(), "argus.db.user", db.user()).get(k)))), Vendor.POSTGRESQL);
  }

  static StoreFixture h2(Path dir) {
    return new StoreFixture(null, ArgusDataSource.create(DatabaseSettings.resolve(k -> Optional.ofNullable(
        Map.of("argus.data.dir", dir.toString()).get(k)))), Vendor.H2);
  }

  TelemetryReader reader() {
    return new TelemetryReader(dataSource, vendor);
  }

  BatchIngest ingest() {
    return new BatchIngest(dataSource, vendor, writer);
  }

  /** The normaliser over the dictionary as the migrated store holds it. */
  SampleNormaliser normaliser() throws SQLException {
    MetricDictionary.Builder b = MetricDictionary.builder();
    Map<Integer, String> names = new HashMap<>();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT id, name, kind FROM metric")) {
        while (rs.next()) {
          names.put(rs.getInt(1), rs.getString(2));
          b.metric(rs.getString(2), MetricKind.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT alias, metric_id, scale FROM metric_alias")) {
        while (rs.next()) {
          b.alias(rs.getString(1), names.get(rs.getInt(2)), rs.getDouble(3));
        }
      }
    }
    return new SampleNormaliser(b.build());
  }

  long count(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void close() {
    if (db != null) {
      db.close();
    }
  }
}

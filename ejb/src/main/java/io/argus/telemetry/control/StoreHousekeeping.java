package io.argus.telemetry.control;

import io.argus.platform.control.Rfc3339;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The store's periodic upkeep: sample partitions for the coming days, retention (whole days dropped
 * on PostgreSQL, a delete on H2), and expiry of idempotency receipts.
 */
public final class StoreHousekeeping {

  /** What one run did. */
  public record Report(int daysAhead, int removed, int receiptsExpired) {}

  private final SampleWriter writer;
  private final javax.sql.DataSource dataSource;

  public StoreHousekeeping(SampleWriter writer, javax.sql.DataSource dataSource) {
    this.writer = writer;
    this.dataSource = dataSource;
  }

  /**
   * @param daysAhead partitions from today to this many days after today exist afterwards
   * @param retention samples older than this are removed (on PostgreSQL: the days that ended before)
   * @param receiptTtl idempotency receipts older than this are forgotten
   */
  public Report run(Instant now, int daysAhead, Duration retention, Duration receiptTtl) throws SQLException {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    writer.prepareDays(today, daysAhead + 1);
    int removed = writer.dropBefore(now.minus(retention));
    int expired;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM ingest_receipt WHERE created_at < ?")) {
      ps.setObject(1, Rfc3339.utc(now.minus(receiptTtl)));
      expired = ps.executeUpdate();
    }
    return new Report(daysAhead, removed, expired);
  }
}

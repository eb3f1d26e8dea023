package io.argus.telemetry.control;

import io.argus.platform.control.DatabaseSettings.Vendor;
import io.argus.telemetry.entity.Aggregation;

/** The few statements the store words differently on PostgreSQL and H2. */
record StoreDialect(Vendor vendor) {

  boolean postgres() {
    return vendor == Vendor.POSTGRESQL;
  }

  /** A JSON text as the labels column takes it. */
  String jsonParameter() {
    return postgres() ? "CAST(? AS jsonb)" : "?";
  }

  /** The labels column as JSON text. */
  String jsonText(String column) {
    return postgres() ? column + "::text" : column;
  }

  /**
   * The {@code step}-second bucket (aligned to the Unix epoch) a timestamp falls in: its start as a
   * timestamp on PostgreSQL ({@code date_bin}, much cheaper than numeric epoch arithmetic), its
   * number on H2.
   */
  String bucket(String column, long stepSeconds) {
    return postgres()
        ? "date_bin(interval '" + stepSeconds + " seconds', " + column + ", timestamptz '1970-01-01 00:00:00+00')"
        : "CAST(FLOOR(EXTRACT(EPOCH FROM " + column + ") / " + stepSeconds + ") AS BIGINT)";
  }

  /** A bucket number as {@link #bucket} compares it. */
  Object bucketValue(long bucket, long stepSeconds) {
    return postgres()
        ? java.time.Instant.ofEpochSecond(Math.multiplyExact(bucket, stepSeconds)).atOffset(java.time.ZoneOffset.UTC)
        : (Object) bucket;
  }

  /** The aggregate of {@code value} over a group, newest last for {@code last}. */
  String aggregate(Aggregation a) {
    return switch (a) {
      case AVG -> "avg(value)";
      case MIN -> "min(value)";
      case MAX -> "max(value)";
      case COUNT -> "count(*)";
      case LAST -> postgres() ? "(array_agg(value ORDER BY ts DESC))[1]" : "ARRAY_AGG(value ORDER BY ts DESC)[1]";
    };
  }
}

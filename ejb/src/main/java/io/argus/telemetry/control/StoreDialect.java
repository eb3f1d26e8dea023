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

  /** The number of the {@code step}-second bucket (since the Unix epoch) a timestamp falls in. */
  String bucket(String column, long stepSeconds) {
    return postgres()
        ? "floor(extract(epoch FROM " + column + ") / " + stepSeconds + ")::bigint"
        : "CAST(FLOOR(EXTRACT(EPOCH FROM " + column + ") / " + stepSeconds + ") AS BIGINT)";
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

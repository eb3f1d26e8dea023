package io.argus.telemetry.control;

import io.argus.platform.control.DatabaseSettings.Vendor;

/** The few statements the store words differently on PostgreSQL and H2. */
record StoreDialect(Vendor vendor) {

  boolean postgres() {
    return vendor == Vendor.POSTGRESQL;
  }

  /** A JSON text as the labels column takes it. */
  String jsonParameter() {
    return postgres() ? "CAST(? AS jsonb)" : "?";
  }
}

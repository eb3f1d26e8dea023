package io.argus.platform.control;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema's versioned migrations: {@code db/migration/common} for what every database reads the
 * same way, {@code db/migration/<vendor>} where types and partitioning differ.
 */
public final class Migrations {

  private Migrations() {}

  /** Brings the schema to the newest version; a no-op when it is there already. */
  public static MigrateResult apply(DataSource dataSource, DatabaseSettings.Vendor vendor) {
    return Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor.migrationFolder())
        .baselineOnMigrate(false)
        .validateMigrationNaming(true)
        .load()
        .migrate();
  }
}

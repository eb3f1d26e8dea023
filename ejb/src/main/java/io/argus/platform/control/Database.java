package io.argus.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The store's connection: the one declaration of Argus's data source, the schema migration that runs
 * before anything else uses it, and the probe health checks call.
 */
@DataSourceDefinition(
    name = Database.JNDI_NAME,
    className = "io.argus.platform.control.ArgusDataSource",
    minPoolSize = 2,
    initialPoolSize = 2,
    maxPoolSize = 32,
    maxIdleTime = 300,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      "fish.payara.fail-all-connections=true",
      "fish.payara.max-wait-time-in-millis=10000",
      "fish.payara.connection-creation-retry-attempts=0",
    })
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// Flyway commits each migration itself; a container transaction around it would forbid that.
@TransactionManagement(TransactionManagementType.BEAN)
public class Database {

  public static final String JNDI_NAME = "java:app/jdbc/argus";
  private static final Logger LOG = Logger.getLogger(Database.class.getName());

  @Resource(lookup = JNDI_NAME)
  DataSource dataSource;

  private DatabaseSettings settings;

  @PostConstruct
  void migrate() {
    settings = DatabaseSettings.resolve(ArgusDataSource::lookup);
    LOG.info(() -> "Database: " + settings.vendor() + " at " + settings.redactedUrl());
    try {
      MigrateResult result = Migrations.apply(dataSource, settings.vendor());
      LOG.info(() -> "Database schema at version " + currentVersion(result) + " ("
          + result.migrationsExecuted + " migration(s) applied now)");
      StartedBeans.started(Database.class);
    } catch (FlywayException e) {
      LOG.log(Level.SEVERE, "Database migration failed; Argus will not start: " + e.getMessage(), e);
      throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
    }
  }

  @PreDestroy
  void stopped() {
    StartedBeans.stopped(Database.class);
  }

  private static String currentVersion(MigrateResult result) {
    return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
  }

  public DatabaseSettings settings() {
    return settings;
  }

  /** Opens a pooled connection, validates it, and says how long that took. */
  public Ping ping(Duration timeout) {
    long started = System.nanoTime();
    try (Connection c = dataSource.getConnection()) {
      boolean valid = c.isValid((int) Math.max(1, timeout.toSeconds()));
      String product = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
      return new Ping(valid, product, Duration.ofNanos(System.nanoTime() - started), valid ? null : "connection not valid");
    } catch (SQLException | RuntimeException e) {
      return new Ping(false, null, Duration.ofNanos(System.nanoTime() - started), e.getMessage());
    }
  }

  /** The connection pool's figures now; absent where the server does not show them. */
  public Optional<Pool> pool() {
    return ServerPool.figures(dataSource, JNDI_NAME);
  }

  /** Statements run against the store since start, and how many of them failed. */
  public Queries queries() {
    return new Queries(QueryStatistics.executed(), QueryStatistics.failed());
  }

  /** Connections in use, idle, the most the pool opens, and requests waiting for a connection. */
  public record Pool(int active, int idle, int max, int waiting) {}

  /** Statement counts. */
  public record Queries(long executed, long failed) {}

  /** The outcome of one {@link #ping}. */
  public record Ping(boolean up, String product, Duration elapsed, String error) {}
}

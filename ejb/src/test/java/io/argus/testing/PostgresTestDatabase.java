package io.argus.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A PostgreSQL database of its own for a test run, created on the server the integration tests use
 * ({@code argus.it.postgres.url}, default 127.0.0.1:5432 as {@code postgres}) and dropped when closed
 * or when the JVM ends.
 */
public final class PostgresTestDatabase implements AutoCloseable {

  private static PostgresTestDatabase shared;

  private final String adminUrl;
  private final String user;
  private final String name;
  private boolean dropped;

  private PostgresTestDatabase(String adminUrl, String user, String name) {
    this.adminUrl = adminUrl;
    this.user = user;
    this.name = name;
  }

  /** A new, empty database; the caller closes it. */
  public static PostgresTestDatabase create(String purpose) {
    String adminUrl = System.getProperty("argus.it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    String user = System.getProperty("argus.it.postgres.user", "postgres");
    String name = ("argus_it_" + purpose + "_" + Long.toString(System.currentTimeMillis(), 36) + "_"
        + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36)).toLowerCase(Locale.ROOT);
    PostgresTestDatabase db = new PostgresTestDatabase(adminUrl, user, name);
    db.execute("CREATE DATABASE " + name);
    Runtime.getRuntime().addShutdownHook(new Thread(db::close, "drop-" + name));
    return db;
  }

  /** One database for the whole test JVM (for servers that are started once per run). */
  public static synchronized PostgresTestDatabase shared() {
    if (shared == null) {
      shared = create("run");
    }
    return shared;
  }

  public String name() {
    return name;
  }

  public String user() {
    return user;
  }

  /** The JDBC URL of this database on the same server. */
  public String url() {
    int slash = adminUrl.lastIndexOf('/');
    int query = adminUrl.indexOf('?', slash);
    return adminUrl.substring(0, slash + 1) + name + (query >= 0 ? adminUrl.substring(query) : "");
  }

  public Connection connect() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    return DriverManager.getConnection(url(), props);
  }

  /** Runs SQL on the server's admin database, e.g. to stop it accepting connections. */
  public void execute(String sql) {
    Properties props = new Properties();
    props.setProperty("user", user);
    try (Connection c = DriverManager.getConnection(adminUrl, props); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + adminUrl + " refused: " + sql + ": " + e.getMessage()
          + " (integration tests need PostgreSQL on 127.0.0.1:5432 with trust auth; .ci/run starts it)", e);
    }
  }

  @Override
  public synchronized void close() {
    if (!dropped) {
      dropped = true;
      execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}

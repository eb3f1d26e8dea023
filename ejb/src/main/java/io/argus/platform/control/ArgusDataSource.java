package io.argus.platform.control;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The JDBC data source the server pools for {@code java:app/jdbc/argus}: PostgreSQL or embedded H2,
 * chosen from {@link DatabaseSettings} when the pool opens its first connection. It exists so that
 * the data source is declared once ({@link Database}) and yet follows configuration.
 */
public class ArgusDataSource implements DataSource {

  private volatile DataSource delegate;
  private PrintWriter logWriter;
  private int loginTimeout;

  private DataSource delegate() {
    DataSource d = delegate;
    if (d == null) {
      synchronized (this) {
        d = delegate;
        if (d == null) {
          d = create(DatabaseSettings.resolve(ArgusDataSource::lookup));
          delegate = d;
        }
      }
    }
    return d;
  }

  /** A plain, unpooled data source for these settings (tools and tests; the server pools this class). */
  public static DataSource create(DatabaseSettings settings) {
    return switch (settings.vendor()) {
      case POSTGRESQL -> {
        var pg = new org.postgresql.ds.PGSimpleDataSource();
        pg.setURL(settings.url());
        if (!settings.user().isEmpty()) {
          pg.setUser(settings.user());
        }
        if (!settings.password().isEmpty()) {
          pg.setPassword(settings.password());
        }
        pg.setApplicationName("argus");
        yield pg;
      }
      case H2 -> {
        var h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL(settings.url());
        h2.setUser(settings.user());
        h2.setPassword(settings.password());
        yield h2;
      }
    };
  }

  /**
   * MicroProfile Config of this application when the server has it ready, else system properties and
   * environment variables under the same MicroProfile mapping ({@code argus.db.url} or
   * {@code ARGUS_DB_URL}).
   */
  static Optional<String> lookup(String key) {
    try {
      Config config = ConfigProvider.getConfig(ArgusDataSource.class.getClassLoader());
      return config.getOptionalValue(key, String.class);
    } catch (RuntimeException | LinkageError e) {
      String value = System.getProperty(key);
      if (value == null) {
        value = System.getenv(key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
      }
      return Optional.ofNullable(value);
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return QueryStatistics.counting(delegate().getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return QueryStatistics.counting(delegate().getConnection(username, password));
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    return delegate().unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || delegate().isWrapperFor(type);
  }
}

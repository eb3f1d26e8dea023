package io.argus.telemetry.control;

import io.argus.platform.control.Database;
import io.argus.platform.control.DatabaseSettings.Vendor;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/** The sample store of this application: its data source, its database vendor and its one writer (whose caches are shared). */
@ApplicationScoped
public class TelemetryStore {

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Inject
  Database database;

  private volatile SampleWriter writer;
  private volatile TelemetryReader reader;

  public Vendor vendor() {
    return database.settings().vendor();
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public TelemetryReader reader() {
    TelemetryReader r = reader;
    if (r == null) {
      r = new TelemetryReader(dataSource, vendor());
      reader = r;
    }
    return r;
  }

  public SampleWriter writer() {
    SampleWriter w = writer;
    if (w == null) {
      synchronized (this) {
        w = writer;
        if (w == null) {
          w = new SampleWriter(dataSource, vendor());
          writer = w;
        }
      }
    }
    return w;
  }
}

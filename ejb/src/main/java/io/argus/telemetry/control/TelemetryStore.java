package io.argus.telemetry.control;

import io.argus.ops.control.Caches;
import io.argus.platform.control.Database;
import io.argus.platform.control.DatabaseSettings.Vendor;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sample store of this application: its data source, its database vendor, its one writer (whose
 * caches are shared) and its reader, whose recent GPU answers the writer clears when the GPUs change.
 */
@ApplicationScoped
public class TelemetryStore {

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Inject
  Database database;

  @Inject
  Caches caches;

  @Inject
  @ConfigProperty(name = "argus.cache.gpus.ttl", defaultValue = "PT2S")
  Duration gpuCacheTtl;

  private volatile SampleWriter writer;
  private volatile TelemetryReader reader;
  private GpuCache gpuCache;

  @PostConstruct
  void createGpuCache() {
    gpuCache = GpuCache.of(gpuCacheTtl, caches, System::nanoTime);
  }

  public Vendor vendor() {
    return database.settings().vendor();
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public TelemetryReader reader() {
    TelemetryReader r = reader;
    if (r == null) {
      r = new TelemetryReader(dataSource, vendor(), gpuCache);
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
          w = new SampleWriter(dataSource, vendor(), caches, gpuCache::clear);
          writer = w;
        }
      }
    }
    return w;
  }
}

package io.argus.platform.boundary;

import io.argus.platform.control.JsonLogHandler;
import io.argus.platform.control.RequestLogEnricher;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sets up Argus's log lines for as long as the application is deployed, before any bean logs:
 * with {@code argus.log.format=json} one JSON object per line on standard output; with {@code text}
 * (the default) the server's format, with the request id appended and secrets masked. A CDI
 * extension, because the start-up beans (migrations, the collector) log before any web listener runs.
 */
public class LogSetup implements Extension {

  static final String KEY = "argus.log.format";
  private static final Logger LOG = Logger.getLogger(LogSetup.class.getName());

  private RequestLogEnricher enricher;
  private JsonLogHandler json;

  void attach(@Observes BeforeBeanDiscovery event) {
    String format = lookup().orElse("text").trim().toLowerCase(Locale.ROOT);
    if (format.equals("json")) {
      json = JsonLogHandler.attach();
    } else {
      enricher = RequestLogEnricher.attach();
      if (!format.equals("text")) {
        LOG.warning(() -> KEY + " must be json or text, got '" + format + "'; writing text");
      }
    }
  }

  /** The key from this application's MicroProfile Config, else from the system property or environment. */
  private static Optional<String> lookup() {
    try {
      return ConfigProvider.getConfig(LogSetup.class.getClassLoader()).getOptionalValue(KEY, String.class);
    } catch (RuntimeException | LinkageError notReadyYet) {
      return Optional.ofNullable(System.getProperty(KEY)).or(() -> Optional.ofNullable(System.getenv("ARGUS_LOG_FORMAT")));
    }
  }

  void detach(@Observes BeforeShutdown event) {
    if (enricher != null) {
      enricher.detach();
    }
    if (json != null) {
      json.detach();
    }
  }
}

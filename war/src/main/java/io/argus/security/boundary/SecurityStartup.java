package io.argus.security.boundary;

import io.argus.security.control.ApiKeyStore;
import io.argus.security.control.AuditFile;
import io.argus.security.control.AuditLog;
import io.argus.security.control.OutboundPolicy;
import io.argus.security.control.RateLimitStore;
import io.argus.security.control.SecuritySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Says at start-up which security mode Argus is in, so that an operator never has to guess, and
 * opens the audit file for the application's lifetime.
 */
@ApplicationScoped
public class SecurityStartup {

  private static final Logger LOG = Logger.getLogger(SecurityStartup.class.getName());

  @Inject
  SecuritySettings settings;

  @Inject
  ApiKeyStore keys;

  @Inject
  RateLimitStore rateLimits;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    rateLimits.limiter(); // decided (and logged) now; a store that must be shared and cannot be stops the deployment here
    String mode;
    try {
      mode = keys.keysExist()
          ? "Security: credentials required (" + settings.configuredKeys().size() + " configured key(s), stored keys"
              + (settings.jwt().isPresent() ? ", JWT" : "") + "); every path but /health needs an API key or JWT; /metrics "
              + settings.metrics().name().toLowerCase(java.util.Locale.ROOT)
          : "Security: no API keys configured: reads are open to everyone, writes are accepted only from this host"
              + " (loopback and its own interface addresses). Create a key (POST /api/v1/keys from this host) or set"
              + " argus.security.keys to require credentials";
    } catch (RuntimeException e) {
      mode = "Security: the key store cannot be read yet (" + e.getMessage() + "); credentials are required until it can";
    }
    LOG.info(mode);
    if (OutboundPolicy.current().restricted()) {
      LOG.info("Security: outbound requests limited to " + OutboundPolicy.KEY);
    }
    openAuditFile();
  }

  private void openAuditFile() {
    Optional<Path> path = settings.auditFile();
    if (path.isEmpty()) {
      LOG.info("Audit: lines go to the server log only (logger io.argus.audit; argus.audit.file=none)");
      return;
    }
    try {
      AuditLog.writeTo(Optional.of(AuditFile.open(path.get())));
      LOG.info("Audit: JSON lines appended to " + path.get() + " and written to the server log (logger io.argus.audit)");
    } catch (IOException | RuntimeException e) {
      LOG.severe("Audit: the audit file " + path.get() + " cannot be opened (" + e.getMessage()
          + "); audit lines go to the server log only (argus.audit.file)");
    }
  }

  void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
    AuditLog.writeTo(Optional.empty());
  }
}

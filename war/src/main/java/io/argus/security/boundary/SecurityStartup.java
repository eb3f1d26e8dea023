package io.argus.security.boundary;

import io.argus.security.control.ApiKeyStore;
import io.argus.security.control.OutboundPolicy;
import io.argus.security.control.RateLimitStore;
import io.argus.security.control.SecuritySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Says at start-up which security mode Argus is in, so that an operator never has to guess. */
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
  }
}

package io.argus.security.boundary;

import io.argus.security.control.ApiKeyStore;
import io.argus.security.control.JwtVerifier;
import io.argus.security.control.KeySecrets;
import io.argus.security.control.LocalAddresses;
import io.argus.security.control.SecuritySettings;
import io.argus.security.entity.ApiKey;
import io.argus.security.entity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The one authentication mechanism of Argus: an API key ({@code Authorization: Bearer <key>} or
 * {@code X-API-Key}), or a JWT bearer token when an issuer and public key are configured. It only
 * establishes who is calling; {@link AccessFilter} and {@link RoleCheck} decide what that caller
 * may do. With no keys anywhere, a request from this host is the local operator (every role) and
 * any other is an anonymous reader.
 */
@ApplicationScoped
public class ArgusAuthentication implements HttpAuthenticationMechanism {

  static final String CALLER = "io.argus.security.caller";
  static final String FAILURE = "io.argus.security.failure";
  static final String CLIENT_IP = "io.argus.security.client-ip";
  private static final Logger LOG = Logger.getLogger(ArgusAuthentication.class.getName());

  @Inject
  ApiKeyStore keys;

  @Inject
  SecuritySettings settings;

  private final LocalAddresses local = new LocalAddresses();

  @Override
  public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String ip = ClientAddress.of(request, settings.trustedProxies());
    request.setAttribute(CLIENT_IP, ip);
    if (AccessFilter.isHealth(AccessFilter.path(request))) {
      return context.doNothing(); // probes never wait for the key store
    }
    Optional<String> credential;
    String authorization = request.getHeader("Authorization");
    String apiKey = request.getHeader("X-API-Key");
    if (authorization != null) {
      if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return refuse(request, context, ip, "Authorization must be 'Bearer <API key or JWT>'");
      }
      credential = Optional.of(authorization.substring(7).trim());
    } else {
      credential = Optional.ofNullable(apiKey).map(String::trim);
    }
    if (credential.isPresent()) {
      return authenticate(request, context, ip, credential.get());
    }
    boolean keyed = keys.keysExist();
    if (!keyed && local.isLocal(ip)) {
      return login(request, context, Caller.local(ip));
    }
    if (!keyed) {
      // an anonymous reader, made known to the container too: the server's own @RolesAllowed check runs as well
      return login(request, context, Caller.anonymous(ip, true));
    }
    request.setAttribute(CALLER, Caller.anonymous(ip, false));
    return context.doNothing();
  }

  private AuthenticationStatus authenticate(HttpServletRequest request, HttpMessageContext context, String ip, String credential) {
    if (credential.isEmpty() || credential.length() > 16_384) {
      return refuse(request, context, ip, "The credential is empty or too long");
    }
    Optional<JwtVerifier> jwt = settings.jwt();
    if (jwt.isPresent() && JwtVerifier.looksLikeJwt(credential)) {
      try {
        JwtVerifier.Identity id = jwt.get().verify(credential, Instant.now());
        return login(request, context, Caller.jwt(id.subject(), id.role()));
      } catch (JwtVerifier.InvalidToken e) {
        return refuse(request, context, ip, "The bearer token was refused: " + e.getMessage());
      }
    }
    Optional<ApiKey> key = keys.authenticate(credential);
    if (key.isEmpty()) {
      LOG.fine(() -> "Unknown or revoked API key" + KeySecrets.idOf(credential).map(i -> " (id " + i + ")").orElse("") + " from " + ip);
      return refuse(request, context, ip, "The API key is unknown or revoked");
    }
    return login(request, context, Caller.apiKey(key.get().id(), key.get().name(), key.get().role()));
  }

  private static AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context, Caller caller) {
    request.setAttribute(CALLER, caller);
    return context.notifyContainerAboutLogin(new CallerPrincipal(caller.name()), caller.groups());
  }

  /** Bad credentials are never downgraded to anonymous: the filter answers 401 with this reason. */
  private static AuthenticationStatus refuse(HttpServletRequest request, HttpMessageContext context, String ip, String reason) {
    request.setAttribute(CALLER, Caller.anonymous(ip, false));
    request.setAttribute(FAILURE, reason);
    return context.doNothing();
  }
}

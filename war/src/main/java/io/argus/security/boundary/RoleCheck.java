package io.argus.security.boundary;

import io.argus.platform.boundary.Problems;
import io.argus.security.control.AuditLog;
import io.argus.security.entity.Caller;
import io.argus.security.entity.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Enforces {@code @RolesAllowed} on JAX-RS operations (401 without credentials, 403 with a role too
 * low, both problem+json) and writes the audit line of every {@link Audited} operation, refused or
 * not.
 */
@Provider
public class RoleCheck implements DynamicFeature {

  @Override
  public void configure(ResourceInfo info, FeatureContext context) {
    Method method = info.getResourceMethod();
    Audited audited = method.getAnnotation(Audited.class);
    if (audited != null) {
      context.register(new Trail(audited.value()), Priorities.AUTHENTICATION);
    }
    if (method.isAnnotationPresent(PermitAll.class)) {
      return;
    }
    RolesAllowed roles = Optional.ofNullable(method.getAnnotation(RolesAllowed.class))
        .orElse(info.getResourceClass().getAnnotation(RolesAllowed.class));
    if (roles != null) {
      // ahead of the server's own @RolesAllowed filter, so that a refusal says why
      context.register(new Check(roles.value()), Priorities.AUTHORIZATION - 10);
    }
  }

  static Caller caller(ContainerRequestContext request) {
    return Callers.of(request.getProperty(ArgusAuthentication.CALLER));
  }

  /** Refuses callers without one of the roles. */
    static final class Check implements ContainerRequestFilter {
    private final String[] roles;

    Check(String[] roles) {
      this.roles = roles;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      Caller caller = caller(request);
      if (Arrays.stream(roles).anyMatch(caller::holds)) {
        return;
      }
      String path = request.getUriInfo().getRequestUri().getPath();
      if (caller.role().isEmpty()) {
        request.abortWith(Response.fromResponse(Problems.response(401, "Unauthorized",
            "This operation needs credentials: an API key (Authorization: Bearer <key> or X-API-Key) or a JWT bearer token",
            path, "Authorization", null)).header("WWW-Authenticate", AccessFilter.CHALLENGE).build());
        return;
      }
      String needed = String.join(" or ", roles);
      String detail = caller.kind() == Caller.Kind.ANONYMOUS
          ? "Writes are accepted only from this host while no API keys are configured; create a key there"
              + " (POST /api/v1/keys) and send it, or configure argus.security.keys"
          : "This operation needs the role " + needed + "; " + caller.name() + " has the role "
              + caller.role().map(Role::key).orElse("none");
      request.abortWith(Problems.response(403, "Forbidden", detail, path, null, null));
    }
  }

  /** Writes the audit line once the outcome is known. */
  static final class Trail implements ContainerResponseFilter {
    private final String action;

    Trail(String action) {
      this.action = action;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      Map<String, String> target = new TreeMap<>();
      request.getUriInfo().getPathParameters().forEach((k, v) -> target.put(k, String.join(",", v)));
      Object created = request.getProperty(AUDIT_TARGET);
      if (created instanceof Map<?, ?> m) {
        m.forEach((k, v) -> target.put(k.toString(), String.valueOf(v)));
      }
      if (response.getHeaderString("Location") != null) {
        target.put("location", response.getHeaderString("Location"));
      }
      Object ip = request.getProperty(ArgusAuthentication.CLIENT_IP);
      AuditLog.record(caller(request), action, target, response.getStatus(), ip == null ? "" : ip.toString());
    }
  }

  /** Request property under which an operation names what it created (a map of names to ids). */
  public static final String AUDIT_TARGET = "io.argus.security.audit-target";
}

package io.argus.security.boundary;

import io.argus.security.entity.Caller;
import jakarta.servlet.http.HttpServletRequest;

/** The caller {@link ArgusAuthentication} found for a request; an anonymous one without rights if none. */
public final class Callers {

  private Callers() {}

  public static Caller of(HttpServletRequest request) {
    return of(request.getAttribute(ArgusAuthentication.CALLER));
  }

  static Caller of(Object attribute) {
    return attribute instanceof Caller c ? c : Caller.anonymous("", false);
  }

  /** Names what an operation created, for its audit line. */
  public static void audit(HttpServletRequest request, String name, String id) {
    request.setAttribute(RoleCheck.AUDIT_TARGET, java.util.Map.of(name, id));
  }
}

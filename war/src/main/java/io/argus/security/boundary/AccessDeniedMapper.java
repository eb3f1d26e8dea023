package io.argus.security.boundary;

import io.argus.platform.boundary.Problems;
import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An EJB's own {@code @RolesAllowed} refusing the caller: 403, never a 500. */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<EJBAccessException> {

  @Context
  UriInfo uri;

  @Override
  public Response toResponse(EJBAccessException e) {
    return Problems.response(403, "Forbidden", "The caller's role does not allow this operation", uri.getRequestUri().getPath(), null, null);
  }
}

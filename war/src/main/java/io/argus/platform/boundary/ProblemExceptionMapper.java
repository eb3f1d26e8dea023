package io.argus.platform.boundary;

import io.argus.platform.control.ProblemException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/** Argus's own failures (bad parameter, not found, conflict, dependency down) as problem+json. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

  private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class.getName());

  @Context
  UriInfo uri;

  @Override
  public Response toResponse(ProblemException e) {
    LOG.fine(() -> e.status() + " " + e.title() + ": " + e.detail());
    return Problems.response(e.status(), e.title(), e.detail(), uri.getRequestUri().getPath(), e.parameter().orElse(null), null);
  }
}

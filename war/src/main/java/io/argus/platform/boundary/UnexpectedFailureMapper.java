package io.argus.platform.boundary;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Anything no other mapper claims is a defect of ours: 500 with an error id that is in the server
 * log beside the stack trace; the exception's text never reaches the caller.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

  @Context
  UriInfo uri;

  @Override
  public Response toResponse(Throwable e) {
    return Problems.unexpected(500, e, uri.getRequestUri().getPath());
  }
}

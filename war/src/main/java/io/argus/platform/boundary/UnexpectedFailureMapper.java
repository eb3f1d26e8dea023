package io.argus.platform.boundary;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything no other mapper claims is a defect of ours: 500 with an error id that is in the server
 * log beside the stack trace; the exception's text never reaches the caller.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

  @Context
  UriInfo uri;

  @Override
  public Response toResponse(Throwable e) {
    String errorId = UUID.randomUUID().toString();
    String path = uri.getRequestUri().getPath();
    LOG.log(Level.SEVERE, "Unexpected failure " + errorId + " on " + path, e);
    return Problems.response(500, "Internal Server Error",
        "Argus failed to handle this request; the server log has the details under error id " + errorId,
        path, null, errorId);
  }
}

package io.argus.platform.boundary;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The JAX-RS runtime wraps a body that JSON-B cannot read (truncated JSON, a string where a number
 * belongs) in a ProcessingException: 400 with the parser's reason. Any other ProcessingException is
 * a defect of ours, as in {@link UnexpectedFailureMapper}.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

  @Context
  UriInfo uri;

  @Override
  public Response toResponse(ProcessingException e) {
    String path = uri.getRequestUri().getPath();
    Response own = Problems.ownCause(e, path);
    if (own != null) {
      return own;
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof JsonbException || t instanceof JsonException) {
        return Problems.malformedBody(t.getMessage(), path);
      }
    }
    return Problems.unexpected(500, e, path);
  }
}

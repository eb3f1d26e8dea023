package io.argus.platform.boundary;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JAX-RS runtime wraps a body that JSON-B cannot read (truncated JSON, a string where a number
 * belongs) in a ProcessingException: 400 with the parser's reason. Any other ProcessingException is
 * a defect of ours, as in {@link UnexpectedFailureMapper}.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

  private static final Logger LOG = Logger.getLogger(UnreadableBodyMapper.class.getName());

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
        String reason = t.getMessage() == null ? "unreadable JSON" : t.getMessage();
        if (reason.length() > 300) {
          reason = reason.substring(0, 300) + "…";
        }
        return Problems.response(400, "Malformed body", "The request body is not valid JSON for this operation: " + reason,
            path, "body", null);
      }
    }
    String errorId = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected failure " + errorId + " on " + path, e);
    return Problems.response(500, "Internal Server Error",
        "Argus failed to handle this request; the server log has the details under error id " + errorId, path, null, errorId);
  }
}

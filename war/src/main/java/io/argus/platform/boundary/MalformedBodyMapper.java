package io.argus.platform.boundary;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not the JSON the operation reads: 400, with the parser's reason. */
@Provider
public class MalformedBodyMapper implements ExceptionMapper<JsonbException> {

  @Context
  UriInfo uri;

  @Override
  public Response toResponse(JsonbException e) {
    Response own = Problems.ownCause(e, uri.getRequestUri().getPath());
    if (own != null) {
      return own;
    }
    String reason = e.getMessage() == null ? "unreadable JSON" : e.getMessage();
    if (reason.length() > 300) {
      reason = reason.substring(0, 300) + "…";
    }
    return Problems.response(400, "Malformed body", "The request body is not valid JSON for this operation: " + reason,
        uri.getRequestUri().getPath(), "body", null);
  }
}

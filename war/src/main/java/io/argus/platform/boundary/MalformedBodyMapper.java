package io.argus.platform.boundary;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body that is not the JSON the operation reads: 400, with the parser's reason. The same exception
 * thrown while writing a response is a defect of ours: 500 with an error id, like any other.
 */
@Provider
public class MalformedBodyMapper implements ExceptionMapper<JsonbException> {

  @Context
  UriInfo uri;

  @Override
  public Response toResponse(JsonbException e) {
    String path = uri.getRequestUri().getPath();
    Response own = Problems.ownCause(e, path);
    if (own != null) {
      return own;
    }
    if (!whileReading(e)) {
      // JSON-B failed to write a response: our defect, not the caller's body
      return Problems.unexpected(500, e, path);
    }
    return Problems.malformedBody(e.getMessage(), path);
  }

  /** True when the binder failed while reading (a request body), false when it failed while writing. */
  static boolean whileReading(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (StackTraceElement frame : t.getStackTrace()) {
        switch (frame.getMethodName()) {
          case "readFrom", "fromJson", "deserialize" -> {
            return true;
          }
          case "writeTo", "toJson", "serialize" -> {
            return false;
          }
          default -> { }
        }
      }
    }
    return true;
  }
}

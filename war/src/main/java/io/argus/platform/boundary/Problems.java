package io.argus.platform.boundary;

import io.argus.platform.control.RequestContext;
import jakarta.ws.rs.core.Response;

/** Builds problem+json responses, so that every mapper writes the same document. */
final class Problems {

  private Problems() {}

  static Response response(int status, String title, String detail, String instance, String parameter, String errorId) {
    Problem problem = new Problem(
        "about:blank", title, status, detail, instance, parameter,
        RequestContext.requestId().orElse(null), errorId);
    return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
  }
}

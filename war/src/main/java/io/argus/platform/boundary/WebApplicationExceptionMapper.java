package io.argus.platform.boundary;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The JAX-RS runtime's own refusals (no such path, wrong method, unsupported media type, a parameter
 * that does not convert) as problem+json, keeping the headers they carry (Allow, for one).
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Context
  UriInfo uri;

  @Context
  Request request;

  @Context
  HttpHeaders headers;

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original.getStatus();
    String path = uri.getRequestUri().getPath();
    String detail;
    if (status >= 500) {
      // nothing of ours throws a bare 5xx: one that gets here is a defect, answered like any other
      return withHeadersOf(original, Problems.unexpected(status, e, path));
    } else if (e instanceof NotFoundException) {
      detail = "Nothing is at " + path;
    } else if (e instanceof NotAllowedException) {
      detail = request.getMethod() + " is not allowed on " + path + "; allowed: " + original.getAllowedMethods();
    } else if (e instanceof NotSupportedException) {
      detail = "Content-Type " + headers.getMediaType() + " is not accepted here";
    } else if (status == 400 || status == 404) {
      // JAX-RS turns a query or path parameter that does not convert into 400 / 404 with no text of ours.
      detail = e.getMessage() == null ? "The request is malformed" : e.getMessage();
    } else {
      detail = original.getStatusInfo().getReasonPhrase();
    }
    Response.StatusType info = original.getStatusInfo();
    return withHeadersOf(original, Problems.response(status, info.getReasonPhrase(), detail, path, null, null));
  }

  /** The problem, carrying the headers (Allow, Retry-After, …) of the runtime's own response. */
  private static Response withHeadersOf(Response original, Response problem) {
    Response.ResponseBuilder builder = Response.fromResponse(problem);
    original.getHeaders().forEach((name, values) -> {
      if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
        values.forEach(v -> builder.header(name, v));
      }
    });
    return builder.build();
  }
}

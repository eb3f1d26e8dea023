package io.argus.platform.boundary;

import io.argus.platform.control.ProblemException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Argus's own failures (bad parameter, not found, conflict, dependency down) as problem+json, with
 * {@code Retry-After} when the failure knows when a retry may succeed.
 */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

  private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class.getName());

  @Context
  UriInfo uri;

  @Override
  public Response toResponse(ProblemException e) {
    LOG.fine(() -> e.status() + " " + e.title() + ": " + e.detail());
    Response problem = Problems.response(e.status(), e.title(), e.detail(), uri.getRequestUri().getPath(), e.parameter().orElse(null), null);
    return e.retryAfter()
        .map(after -> Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, retryAfterSeconds(after)).build())
        .orElse(problem);
  }

  /** Whole seconds, rounded up and at least one: {@code Retry-After: 0} would invite a busy loop. */
  static long retryAfterSeconds(Duration after) {
    long seconds = after.toSeconds() + (after.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}

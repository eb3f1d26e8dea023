package io.argus.platform.boundary;

import io.argus.platform.control.ProblemException;
import io.argus.platform.control.RequestContext;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Builds problem+json responses, so that every mapper writes the same document. */
public final class Problems {

  private static final Logger LOG = Logger.getLogger(Problems.class.getName());

  private Problems() {}

  /**
   * The problem for one of our own refusals (a body over its size or depth limit) that a binder
   * wrapped in its exception while reading; null when there is none in the cause chain.
   */
  static Response ownCause(Throwable e, String path) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ProblemException p) {
        return response(p.status(), p.title(), p.detail(), path, p.parameter().orElse(null), null);
      }
    }
    return null;
  }

  /**
   * A failure of ours: logged with a fresh error id beside its stack trace, answered with the given
   * status, a fixed text and that id; the exception's own text never reaches the caller.
   */
  static Response unexpected(int status, Throwable e, String path) {
    String errorId = logFailure(e, path);
    return response(status, reason(status), failureDetail(errorId), path, null, errorId);
  }

  /** Logs a failure of ours (the exception may be null) under a fresh error id, and returns the id. */
  static String logFailure(Throwable e, String path) {
    String errorId = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, e, () -> "Unexpected failure " + errorId + " on " + path);
    return errorId;
  }

  /** What the caller reads about a failure of ours: where to look, never what the exception said. */
  static String failureDetail(String errorId) {
    return "Argus failed to handle this request; the server log has the details under error id " + errorId;
  }

  /** A request body the binder could not read: 400 naming the body, with the binder's reason (cut short). */
  static Response malformedBody(String reason, String path) {
    return response(400, "Malformed body", "The request body is not valid JSON for this operation: "
        + (reason == null ? "unreadable JSON" : truncated(reason)), path, "body", null);
  }

  /** Text from elsewhere (a binder, a servlet) cut to a length a problem's detail should have. */
  static String truncated(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  /** The reason phrase of a status, for a problem's title. */
  static String reason(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return known == null ? "Error " + status : known.getReasonPhrase();
  }

  public static Response response(int status, String title, String detail, String instance, String parameter, String errorId) {
    Problem problem = new Problem(
        "about:blank", title, status, detail, instance, parameter,
        RequestContext.requestId().orElse(null), errorId);
    return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  /** The same document written straight to a servlet response, for filters that refuse before JAX-RS. */
  public static void write(HttpServletResponse response, int status, String title, String detail, String instance,
      String parameter) throws IOException {
    write(response, status, title, detail, instance, parameter, null);
  }

  /** As above, with the error id of a failure of ours. */
  static void write(HttpServletResponse response, int status, String title, String detail, String instance,
      String parameter, String errorId) throws IOException {
    var json = Json.createObjectBuilder().add("type", "about:blank").add("title", title).add("status", status).add("detail", detail)
        .add("instance", instance);
    if (parameter != null) {
      json.add("parameter", parameter);
    }
    RequestContext.requestId().ifPresent(id -> json.add("request_id", id));
    if (errorId != null) {
      json.add("error_id", errorId);
    }
    byte[] body = json.build().toString().getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}

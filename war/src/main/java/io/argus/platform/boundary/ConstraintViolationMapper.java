package io.argus.platform.boundary;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;

/**
 * Bean Validation failures of parameters and bodies: 400, naming the first offending field by its
 * JSON (snake_case) name and quoting the refused value, in the words the explicit validators use.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Context
  UriInfo uri;

  @Override
  public Response toResponse(ConstraintViolationException e) {
    ConstraintViolation<?> first = e.getConstraintViolations().stream()
        .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
        .orElse(null);
    String parameter = first == null ? null : leafName(first.getPropertyPath());
    String detail = first == null ? "The request is not valid" : parameter + shown(first.getInvalidValue()) + " " + first.getMessage();
    return Problems.response(400, "Invalid parameter", detail, uri.getRequestUri().getPath(), parameter, null);
  }

  /** The refused value as the explicit validators quote it: text in quotes (cut at 64), numbers as they are. */
  static String shown(Object value) {
    if (value instanceof CharSequence text) {
      String t = text.toString();
      return " '" + (t.length() <= 64 ? t : t.substring(0, 64) + "…") + "'";
    }
    return value instanceof Number || value instanceof Boolean ? " " + value : "";
  }

  static String leafName(Path path) {
    String name = null;
    for (Path.Node node : path) {
      // container elements are named <map value>, <list element>: the field is the node before
      if (node.getName() != null && !node.getName().startsWith("<")) {
        name = node.getName();
      }
    }
    // the JSON names fields in snake_case; Java in camelCase
    return name == null ? null : name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}

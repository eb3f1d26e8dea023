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

/** Bean Validation failures of parameters and bodies: 400, naming the first offending field. */
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
    String detail = first == null ? "The request is not valid" : parameter + " " + first.getMessage();
    return Problems.response(400, "Invalid parameter", detail, uri.getRequestUri().getPath(), parameter, null);
  }

  static String leafName(Path path) {
    String name = null;
    for (Path.Node node : path) {
      if (node.getName() != null) {
        name = node.getName();
      }
    }
    // the JSON names fields in snake_case; Java in camelCase
    return name == null ? null : name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}

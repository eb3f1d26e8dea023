package io.argus.platform.boundary;

import io.argus.platform.control.RequestContext;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Tells the request context which route template a JAX-RS request matched
 * ({@code /api/v1/metrics/{name}}), so that request metrics count by template, never by raw path.
 */
@Provider
public class RouteTemplateFilter implements ContainerRequestFilter {

  private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();
  private static final Pattern PARAMETER_REGEX = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}");
  private static final String APPLICATION_PATH = ArgusApplication.class.getAnnotation(ApplicationPath.class).value();

  @Context
  ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    Class<?> type = resource.getResourceClass();
    if (method != null && type != null) {
      RequestContext.matchedRoute(TEMPLATES.computeIfAbsent(method, m -> template(type, m)));
    }
  }

  /** {@code /<application path>/<class @Path>/<method @Path>}, parameters without their regular expressions. */
  static String template(Class<?> type, Method method) {
    StringBuilder t = new StringBuilder();
    append(t, APPLICATION_PATH);
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      Path p = c.getAnnotation(Path.class);
      if (p != null) {
        append(t, p.value());
        break;
      }
    }
    Path p = method.getAnnotation(Path.class);
    if (p != null) {
      append(t, p.value());
    }
    String template = t.length() == 0 ? "/" : t.toString();
    return PARAMETER_REGEX.matcher(template).replaceAll("{$1}");
  }

  private static void append(StringBuilder t, String segment) {
    String s = segment.replaceAll("^/+|/+$", "");
    if (!s.isEmpty()) {
      t.append('/').append(s);
    }
  }
}

package io.argus.platform.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every operation the REST application serves, found by reflection over the WAR's compiled
 * classes: each resource method with an HTTP method annotation, as "get /api/v1/gpus/{gpu}", and
 * whether it checks a role (needs credentials once API keys exist).
 */
final class JaxRsOperations {

  private JaxRsOperations() {}

  static Set<String> all() {
    return withRoles().keySet();
  }

  /** Every operation, true when {@code @RolesAllowed} (on the method, else on its class) applies to it. */
  static Map<String, Boolean> withRoles() {
    String application = "/" + trim(ArgusApplication.class.getAnnotation(ApplicationPath.class).value());
    Map<String, Boolean> operations = new TreeMap<>();
    for (Class<?> type : classes()) {
      Path base = type.getAnnotation(Path.class);
      if (base == null) {
        continue;
      }
      for (Method method : type.getMethods()) {
        Path sub = method.getAnnotation(Path.class);
        String verb = httpMethod(method);
        if (verb == null && sub != null) {
          throw new AssertionError("sub-resource locator " + method + ": the check does not follow those");
        }
        if (verb != null) {
          String path = application + "/" + trim(base.value()) + (sub == null ? "" : "/" + trim(sub.value()));
          boolean roles = !method.isAnnotationPresent(PermitAll.class)
              && (method.isAnnotationPresent(RolesAllowed.class) || type.isAnnotationPresent(RolesAllowed.class));
          operations.put(verb.toLowerCase(Locale.ROOT) + " " + path.replaceAll("/+$", ""), roles);
        }
      }
    }
    return operations;
  }

  private static String httpMethod(Method method) {
    for (Annotation a : method.getAnnotations()) {
      HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
      if (verb != null) {
        return verb.value();
      }
    }
    return null;
  }

  private static String trim(String path) {
    return path.replaceAll("^/+|/+$", "");
  }

  /** The classes compiled from the WAR's sources (the directory ArgusApplication was loaded from). */
  static List<Class<?>> classes() {
    try {
      java.nio.file.Path root = java.nio.file.Path.of(ArgusApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      try (Stream<java.nio.file.Path> files = Files.walk(root)) {
        return files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
            .map(f -> root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
            .map(JaxRsOperations::load)
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, JaxRsOperations.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}

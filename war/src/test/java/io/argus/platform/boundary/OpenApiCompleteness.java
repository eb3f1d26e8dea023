package io.argus.platform.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an OpenAPI document (as JSON) lacks for a client to use Argus from it alone: one line per
 * defect, naming the operation. Empty when the document is complete.
 */
final class OpenApiCompleteness {

  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch");
  private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");

  private final JsonObject doc;
  private final List<String> defects = new ArrayList<>();

  private OpenApiCompleteness(JsonObject doc) {
    this.doc = doc;
  }

  /**
   * @param jaxRs every JAX-RS operation ("get /api/v1/gpus/{gpu}") and whether it checks a role;
   *     each must be in the document, with security exactly when it checks a role
   */
  static List<String> defects(JsonObject doc, Map<String, Boolean> jaxRs) {
    var check = new OpenApiCompleteness(doc);
    check.run(jaxRs);
    return check.defects;
  }

  private void run(Map<String, Boolean> jaxRs) {
    Set<String> documented = new HashSet<>();
    JsonObject paths = doc.getJsonObject("paths");
    for (String path : paths.keySet()) {
      for (var entry : paths.getJsonObject(path).entrySet()) {
        if (METHODS.contains(entry.getKey())) {
          String operation = entry.getKey() + " " + path;
          documented.add(operation);
          operation(operation, path, entry.getValue().asJsonObject(), jaxRs.get(operation));
        }
      }
    }
    jaxRs.keySet().stream().filter(o -> !documented.contains(o)).sorted().forEach(o -> defects.add(o + ": not in the document"));
  }

  private void operation(String name, String path, JsonObject op, Boolean roles) {
    if (!op.containsKey("operationId") || !op.containsKey("summary")) {
      defects.add(name + ": no operationId or summary");
    }
    parameters(name, path, op);
    JsonObject responses = op.getJsonObject("responses");
    if (responses == null || responses.keySet().stream().noneMatch(c -> c.startsWith("4") || c.startsWith("5"))) {
      defects.add(name + ": no error response");
    }
    if (responses != null) {
      responses.values().forEach(r -> resolve(r.asJsonObject()));
      successes(name, responses);
    }
    if (op.containsKey("requestBody")) {
      JsonObject body = resolve(op.getJsonObject("requestBody"));
      jsonExamples(name + ": request body", body.getJsonObject("content"));
    }
    boolean secured = secured(op);
    if (roles != null && roles != secured) {
      defects.add(name + (roles ? ": checks a role but declares no security requirement" : ": needs no credentials but declares a security requirement"));
    }
    if (secured && responses != null) {
      for (String code : Boolean.TRUE.equals(roles) ? List.of("401", "403", "429") : List.of("401", "429")) {
        if (!responses.containsKey(code)) {
          defects.add(name + ": needs credentials but documents no " + code);
        }
      }
    }
  }

  private void parameters(String name, String path, JsonObject op) {
    Set<String> declared = new HashSet<>();
    JsonArray parameters = op.getJsonArray("parameters");
    for (JsonValue value : parameters == null ? List.<JsonValue>of() : parameters) {
      JsonObject p = resolve(value.asJsonObject());
      declared.add(p.getString("name"));
      if (!p.containsKey("description")) {
        defects.add(name + ": parameter " + p.getString("name") + " has no description");
      }
    }
    Matcher template = TEMPLATE.matcher(path);
    while (template.find()) {
      if (!declared.contains(template.group(1))) {
        defects.add(name + ": path parameter " + template.group(1) + " undeclared");
      }
    }
  }

  /** A 2xx with a schema (or only 204s), and an example for each JSON one. */
  private void successes(String name, JsonObject responses) {
    List<String> codes = responses.keySet().stream().filter(c -> c.startsWith("2")).toList();
    if (codes.isEmpty()) {
      defects.add(name + ": no 2xx response");
      return;
    }
    boolean schema = false;
    for (String code : codes) {
      JsonObject content = resolve(responses.getJsonObject(code)).getJsonObject("content");
      if (content != null) {
        schema |= content.values().stream().anyMatch(m -> m.asJsonObject().containsKey("schema"));
        jsonExamples(name + ": " + code + " response", content);
      }
    }
    if (!schema && !codes.stream().allMatch("204"::equals)) {
      defects.add(name + ": no 2xx response with a schema");
    }
  }

  private void jsonExamples(String what, JsonObject content) {
    if (content == null) {
      defects.add(what + " has no content");
      return;
    }
    content.forEach((type, media) -> {
      JsonObject m = media.asJsonObject();
      if (type.contains("json") && !m.containsKey("example") && !m.containsKey("examples") && !hasExample(m.getJsonObject("schema"), 0)) {
        defects.add(what + " (" + type + ") has no example");
      }
    });
  }

  /** An example on the schema, or on every part it is made of (its $ref, items, allOf/oneOf parts, every property). */
  private boolean hasExample(JsonObject schema, int depth) {
    if (schema == null || depth > 16) {
      return false;
    }
    if (schema.containsKey("example")) {
      return true;
    }
    if (schema.containsKey("$ref")) {
      return hasExample(resolve(schema), depth + 1);
    }
    for (String combination : List.of("allOf", "oneOf", "anyOf")) {
      if (schema.containsKey(combination)) {
        JsonArray parts = schema.getJsonArray(combination);
        return !parts.isEmpty() && parts.stream().allMatch(p -> hasExample(p.asJsonObject(), depth + 1));
      }
    }
    if (schema.containsKey("items")) {
      return hasExample(schema.getJsonObject("items"), depth + 1);
    }
    JsonObject properties = schema.getJsonObject("properties");
    return properties != null && !properties.isEmpty()
        && properties.values().stream().allMatch(p -> hasExample(p.asJsonObject(), depth + 1));
  }

  /** True when the operation needs credentials: its own security, else the document's, has no empty requirement. */
  private boolean secured(JsonObject op) {
    JsonArray security = op.containsKey("security") ? op.getJsonArray("security") : doc.getJsonArray("security");
    return security != null && !security.isEmpty() && security.stream().noneMatch(r -> r.asJsonObject().isEmpty());
  }

  /** The component a local $ref names ("#/components/responses/Unauthorized"), or the object itself. */
  private JsonObject resolve(JsonObject object) {
    JsonObject current = object;
    for (int hops = 0; current != null && current.containsKey("$ref") && hops < 8; hops++) {
      String ref = current.getString("$ref");
      if (!ref.startsWith("#/")) {
        return current;
      }
      JsonObject target = doc;
      for (String part : ref.substring(2).split("/")) {
        target = target == null ? null : target.getJsonObject(part);
      }
      if (target == null) {
        defects.add("dangling reference " + ref);
        return JsonValue.EMPTY_JSON_OBJECT;
      }
      current = target;
    }
    return current;
  }
}

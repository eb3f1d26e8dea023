package io.argus.system;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The response schemas of the monitoring-session contract ({@code monitor-openapi.json}) and a
 * check of a JSON document against one of them: every required property present, every property
 * of the JSON type the schema names (anyOf with null allowed), map values of their type.
 */
final class ContractSchema {

  private static final JsonObject DOCUMENT = load();

  private ContractSchema() {}

  private static JsonObject load() {
    try (InputStream in = ContractSchema.class.getResourceAsStream("/contract/monitor-openapi.json")) {
      return Json.createReader(in).readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The operation ids of the contract and their response schema names. */
  static Map<String, String> responses() {
    var out = new java.util.TreeMap<String, String>();
    DOCUMENT.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, op) -> {
      JsonObject schema = op.asJsonObject().getJsonObject("responses").getJsonObject("200").getJsonObject("content")
          .getJsonObject("application/json").getJsonObject("schema");
      if (schema.containsKey("$ref")) {
        out.put(method.toUpperCase(java.util.Locale.ROOT) + " " + path, ref(schema.getString("$ref")));
      }
    }));
    return out;
  }

  /** Every operationId of the contract. */
  static java.util.List<String> operationIds() {
    var out = new ArrayList<String>();
    DOCUMENT.getJsonObject("paths").forEach((path, item) ->
        item.asJsonObject().forEach((method, op) -> out.add(op.asJsonObject().getString("operationId"))));
    return out;
  }

  /** The property names of a component schema of the contract. */
  static java.util.Set<String> properties(String schemaName) {
    return DOCUMENT.getJsonObject("components").getJsonObject("schemas").getJsonObject(schemaName).getJsonObject("properties").keySet();
  }

  /** The violations of {@code value} against the named component schema; empty when it conforms. */
  static List<String> violations(String schemaName, JsonValue value) {
    var out = new ArrayList<String>();
    check(schemaName, DOCUMENT.getJsonObject("components").getJsonObject("schemas").getJsonObject(schemaName), value, out);
    return out;
  }

  private static String ref(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private static void check(String where, JsonObject schema, JsonValue value, List<String> out) {
    if (schema.containsKey("$ref")) {
      String name = ref(schema.getString("$ref"));
      check(where, DOCUMENT.getJsonObject("components").getJsonObject("schemas").getJsonObject(name), value, out);
      return;
    }
    if (schema.containsKey("anyOf")) {
      for (JsonValue alternative : schema.getJsonArray("anyOf")) {
        var tried = new ArrayList<String>();
        check(where, alternative.asJsonObject(), value, tried);
        if (tried.isEmpty()) {
          return;
        }
      }
      out.add(where + ": " + value + " matches none of " + schema.getJsonArray("anyOf"));
      return;
    }
    if (!schema.containsKey("type")) {
      return; // {} accepts anything
    }
    String type = schema.getString("type");
    if (!hasType(type, value)) {
      out.add(where + ": expected " + type + ", got " + value.getValueType() + " " + value);
      return;
    }
    if (type.equals("object")) {
      JsonObject object = value.asJsonObject();
      JsonArray required = schema.getJsonArray("required");
      if (required != null) {
        for (JsonValue r : required) {
          String name = ((jakarta.json.JsonString) r).getString();
          if (!object.containsKey(name)) {
            out.add(where + ": required property '" + name + "' is missing from " + object);
          }
        }
      }
      JsonObject properties = schema.getJsonObject("properties");
      if (properties != null) {
        properties.forEach((name, property) -> {
          if (object.containsKey(name)) {
            check(where + "." + name, property.asJsonObject(), object.get(name), out);
          }
        });
      }
      if (schema.containsKey("additionalProperties") && schema.get("additionalProperties").getValueType() == JsonValue.ValueType.OBJECT) {
        object.forEach((name, v) -> check(where + "[" + name + "]", schema.getJsonObject("additionalProperties"), v, out));
      }
    }
  }

  private static boolean hasType(String type, JsonValue value) {
    return switch (type) {
      case "string" -> value.getValueType() == JsonValue.ValueType.STRING;
      case "integer" -> value.getValueType() == JsonValue.ValueType.NUMBER && ((jakarta.json.JsonNumber) value).isIntegral();
      case "number" -> value.getValueType() == JsonValue.ValueType.NUMBER;
      case "boolean" -> value == JsonValue.TRUE || value == JsonValue.FALSE;
      case "object" -> value.getValueType() == JsonValue.ValueType.OBJECT;
      case "array" -> value.getValueType() == JsonValue.ValueType.ARRAY;
      case "null" -> value == JsonValue.NULL;
      default -> false;
    };
  }
}

package io.argus.session.entity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import java.util.TreeMap;

/** The flat JSON objects the session tables keep maps in (exporters, preferences, labels). */
public final class JsonMaps {

  private JsonMaps() {}

  public static String strings(Map<String, String> map) {
    JsonObjectBuilder out = Json.createObjectBuilder();
    new TreeMap<>(map).forEach(out::add);
    return out.build().toString();
  }

  public static String booleans(Map<String, Boolean> map) {
    JsonObjectBuilder out = Json.createObjectBuilder();
    new TreeMap<>(map).forEach(out::add);
    return out.build().toString();
  }

  public static Map<String, String> readStrings(String json) {
    var out = new TreeMap<String, String>();
    read(json).forEach((k, v) -> out.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
    return out;
  }

  public static Map<String, Boolean> readBooleans(String json) {
    var out = new TreeMap<String, Boolean>();
    read(json).forEach((k, v) -> out.put(k, v.getValueType() == JsonValue.ValueType.TRUE));
    return out;
  }

  private static JsonObject read(String json) {
    try (var reader = Json.createReader(new StringReader(json == null || json.isBlank() ? "{}" : json))) {
      return reader.readObject();
    }
  }
}

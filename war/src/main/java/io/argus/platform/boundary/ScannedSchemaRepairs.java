package io.argus.platform.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Repairs three things the server's annotation scanner gets wrong, so the document says what the
 * JSON is: a schema named by {@code @Schema(implementation = …)} in an operation is copied there
 * (with the Java field names) instead of referring to its component; a schema of a scalar or array
 * type given inline picks up the properties of another class; and an example written in an
 * annotation stays a string ("{\"a\":1}", "400") whatever the schema's type.
 */
class ScannedSchemaRepairs {

  private static final String COMPONENT = "#/components/schemas/";

  void filterOpenAPI(OpenAPI openAPI) {
    Map<String, Schema> components = openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
        ? Map.of() : openAPI.getComponents().getSchemas();
    components.values().forEach(ScannedSchemaRepairs::typedExamples);
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation ->
        mediaTypes(operation).forEach(media -> {
          Schema schema = media.getSchema();
          if (schema != null) {
            media.setSchema(repaired(schema, components));
            typedExamples(media.getSchema());
          }
          if (media.getExample() instanceof String text && media.getSchema() != null && structured(media.getSchema())) {
            parsed(text).ifPresent(media::setExample);
          }
        })));
  }

  private static List<MediaType> mediaTypes(Operation operation) {
    List<MediaType> out = new ArrayList<>();
    Consumer<Content> add = content -> {
      if (content != null && content.getMediaTypes() != null) {
        out.addAll(content.getMediaTypes().values());
      }
    };
    if (operation.getRequestBody() != null) {
      add.accept(operation.getRequestBody().getContent());
    }
    if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
      operation.getResponses().getAPIResponses().values().forEach(r -> add.accept(r.getContent()));
    }
    return out;
  }

  /** The schema as a reference to the component it copies, or without the properties it picked up. */
  static Schema repaired(Schema schema, Map<String, Schema> components) {
    if (schema.getRef() != null) {
      return schema;
    }
    if (schema.getItems() != null) {
      schema.setItems(repaired(schema.getItems(), components));
    }
    Optional<String> copied = componentOf(schema, components);
    boolean object = schema.getType() == null || schema.getType() == SchemaType.OBJECT;
    if (copied.isPresent() && object) {
      return OASFactory.createSchema().ref(COMPONENT + copied.get());
    }
    if (!object && schema.getProperties() != null && !schema.getProperties().isEmpty()) {
      if (copied.isPresent() && Objects.equals(schema.getDescription(), components.get(copied.get()).getDescription())) {
        schema.setDescription(null);
      }
      schema.setProperties(new LinkedHashMap<>());
    }
    return schema;
  }

  /** The one component with the same description and property names, if there is one. */
  private static Optional<String> componentOf(Schema schema, Map<String, Schema> components) {
    Set<String> names = propertyNames(schema);
    if (names.isEmpty()) {
      return Optional.empty();
    }
    List<String> matches = components.entrySet().stream()
        .filter(c -> propertyNames(c.getValue()).equals(names) && Objects.equals(c.getValue().getDescription(), schema.getDescription()))
        .map(Map.Entry::getKey)
        .toList();
    return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
  }

  private static Set<String> propertyNames(Schema schema) {
    return schema.getProperties() == null ? Set.of()
        : schema.getProperties().keySet().stream().map(SnakeCaseSchemas::snake).collect(Collectors.toSet());
  }

  /** Turns string examples into the JSON value the schema's type says they are, all the way down. */
  static void typedExamples(Schema schema) {
    if (schema == null || schema.getRef() != null) {
      return;
    }
    if (schema.getExample() instanceof String text) {
      SchemaType type = schema.getType();
      if (structured(schema)) {
        parsed(text).ifPresent(schema::setExample);
      } else if (type == SchemaType.INTEGER || type == SchemaType.NUMBER) {
        try {
          schema.setExample(new BigDecimal(text));
        } catch (NumberFormatException notANumber) {
          // left as written; the completeness test shows it
        }
      } else if (type == SchemaType.BOOLEAN && (text.equals("true") || text.equals("false"))) {
        schema.setExample(Boolean.valueOf(text));
      }
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(ScannedSchemaRepairs::typedExamples);
    }
    typedExamples(schema.getItems());
    if (schema.getAllOf() != null) {
      schema.getAllOf().forEach(ScannedSchemaRepairs::typedExamples);
    }
  }

  private static boolean structured(Schema schema) {
    return schema.getType() == SchemaType.OBJECT || schema.getType() == SchemaType.ARRAY
        || (schema.getType() == null && (schema.getProperties() != null && !schema.getProperties().isEmpty() || schema.getRef() != null));
  }

  /** The JSON text as plain Java values (maps, lists, strings, numbers, booleans), if it is JSON. */
  static Optional<Object> parsed(String text) {
    String trimmed = text.trim();
    if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
      return Optional.empty();
    }
    try (var reader = Json.createReader(new StringReader(trimmed))) {
      return Optional.ofNullable(plain(reader.readValue()));
    } catch (JsonException notJson) {
      return Optional.empty();
    }
  }

  private static Object plain(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        ((JsonObject) value).forEach((k, v) -> map.put(k, plain(v)));
        yield map;
      }
      case ARRAY -> ((JsonArray) value).stream().map(ScannedSchemaRepairs::plain).collect(Collectors.toCollection(ArrayList::new));
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).bigDecimalValue();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
    };
  }
}

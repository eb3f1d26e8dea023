package io.argus.platform.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON as the API writes it: snake_case names, no nulls, instants as RFC 3339 UTC. The few seed
 * endpoints whose clients expect camelCase name their keys with {@code @JsonbProperty}.
 */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {

  private static final Jsonb JSONB = create();

  /** The API's JSON-B, also for servlets outside JAX-RS. */
  public static Jsonb create() {
    return JsonbBuilder.create(new JsonbConfig()
        .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
        .withNullValues(false)
        .withDeserializers(new WholeNumbers(), new Texts()));
  }

  /**
   * Text fields take JSON strings (and numbers, as their text), never arrays, objects or booleans:
   * Yasson would read {@code ["a"]} as {@code "a"}.
   */
  public static final class Texts implements jakarta.json.bind.serializer.JsonbDeserializer<String> {
    @Override
    public String deserialize(jakarta.json.stream.JsonParser parser, jakarta.json.bind.serializer.DeserializationContext context,
        java.lang.reflect.Type type) {
      jakarta.json.JsonValue value = parser.getValue();
      if (value instanceof jakarta.json.JsonString s) {
        return s.getString();
      }
      if (value instanceof jakarta.json.JsonNumber n) {
        return n.toString();
      }
      throw new jakarta.json.bind.JsonbException("a string was expected, not " + value.getValueType().name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  /**
   * Integers as JSON gives them, never truncated: Yasson would read 1.5 as 1 and 4294967297 as 1,
   * so a port of 1.5 would become 1. A fraction or a value beyond int is refused as malformed.
   */
  public static final class WholeNumbers implements jakarta.json.bind.serializer.JsonbDeserializer<Integer> {
    @Override
    public Integer deserialize(jakarta.json.stream.JsonParser parser, jakarta.json.bind.serializer.DeserializationContext context,
        java.lang.reflect.Type type) {
      try {
        return parser.getBigDecimal().intValueExact();
      } catch (ArithmeticException | IllegalStateException | NumberFormatException e) {
        throw new jakarta.json.bind.JsonbException("a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + " was expected");
      }
    }
  }

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}

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
        .withNullValues(false));
  }

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}

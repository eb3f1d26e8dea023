package io.argus.session.entity;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** A registered service endpoint of a client, with the user's labels (sorted, for stable output). */
public record ScrapeService(
    String clientId, String name, ServiceEndpoint endpoint, Map<String, String> labels) {

  public ScrapeService {
    if (clientId == null || name == null || endpoint == null) {
      throw new IllegalArgumentException("a service needs a client id, a name and an endpoint");
    }
    labels = Collections.unmodifiableMap(new TreeMap<>(labels == null ? Map.of() : labels));
  }
}

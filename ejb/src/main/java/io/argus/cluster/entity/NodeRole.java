package io.argus.cluster.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What one Argus process does in a fleet ({@code argus.role}). */
public enum NodeRole {
  /** Collects this node and serves the API and console: the single-node default. */
  ALL,
  /** Collects this node and writes (to the database or by push); answers only health and metrics over HTTP. */
  COLLECTOR,
  /** Serves the API and console and runs the cluster-wide jobs; collects nothing locally. */
  API;

  /** Whether this role reads the local host and GPUs into the store. */
  public boolean collects() {
    return this != API;
  }

  /** Whether this role serves the REST API and the console. */
  public boolean serves() {
    return this != COLLECTOR;
  }

  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a configured role, refusing anything else with the values allowed. */
  public static NodeRole parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (NodeRole r : values()) {
      if (r.configName().equals(t)) {
        return r;
      }
    }
    throw new IllegalArgumentException("argus.role must be one of "
        + Arrays.stream(values()).map(NodeRole::configName).collect(Collectors.joining(", ")) + ", got '" + text + "'");
  }
}

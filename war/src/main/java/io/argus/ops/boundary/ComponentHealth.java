package io.argus.ops.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Every MicroProfile health check of the application (readiness, liveness, start-up: whatever
 * feature ships one), called once, with whether it is required. The overall state is healthy when
 * all are UP, degraded when only optional ones ({@code argus.monitor.optional-checks}) are DOWN,
 * unhealthy when a required one is.
 */
@ApplicationScoped
public class ComponentHealth {

  @Inject
  @Any
  Instance<HealthCheck> checks;

  @Inject
  @ConfigProperty(name = "argus.monitor.optional-checks", defaultValue = "gpu,sessions,prometheus,rate-limits")
  List<String> optionalChecks;

  /** One check's answer. */
  public record Component(String name, boolean up, boolean required, Map<String, Object> data) {}

  /** The state of the whole service. */
  public enum State {
    HEALTHY, DEGRADED, UNHEALTHY;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public List<Component> call() {
    Set<String> optional = optionalChecks.stream().map(String::trim).collect(Collectors.toSet());
    List<Component> out = new ArrayList<>();
    for (HealthCheck check : checks) {
      HealthCheckResponse r;
      try {
        r = check.call();
      } catch (RuntimeException e) {
        String name = check.getClass().getSimpleName().replaceAll("(HealthCheck)?(\\$.*)?$", "");
        out.add(new Component(name, false, !optional.contains(name), Map.of("error", String.valueOf(e))));
        continue;
      }
      Map<String, Object> data = new TreeMap<>(r.getData().orElse(Map.of()));
      out.add(new Component(r.getName(), r.getStatus() == HealthCheckResponse.Status.UP, !optional.contains(r.getName()), data));
    }
    out.sort((a, b) -> a.name().compareTo(b.name()));
    return out;
  }

  public static State state(List<Component> components) {
    if (components.stream().anyMatch(c -> !c.up() && c.required())) {
      return State.UNHEALTHY;
    }
    return components.stream().anyMatch(c -> !c.up()) ? State.DEGRADED : State.HEALTHY;
  }
}

package io.argus.ops.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.ops.boundary.ComponentHealth.Component;
import io.argus.ops.boundary.ComponentHealth.State;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentHealthTest {

  private static Component c(String name, boolean up, boolean required) {
    return new Component(name, up, required, Map.of());
  }

  @Test
  void anOptionalComponentDownDegradesARequiredOneDownIsUnhealthy() {
    assertThat(ComponentHealth.state(List.of(c("database", true, true), c("sessions", true, false)))).isEqualTo(State.HEALTHY);
    assertThat(ComponentHealth.state(List.of(c("database", true, true), c("sessions", false, false)))).isEqualTo(State.DEGRADED);
    assertThat(ComponentHealth.state(List.of(c("database", false, true), c("sessions", false, false)))).isEqualTo(State.UNHEALTHY);
    assertThat(ComponentHealth.state(List.of())).isEqualTo(State.HEALTHY);
    assertThat(State.DEGRADED.label()).isEqualTo("degraded");
  }
}

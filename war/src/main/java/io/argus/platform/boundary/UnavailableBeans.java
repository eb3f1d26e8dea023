package io.argus.platform.boundary;

import io.argus.platform.control.StartedBeans;
import jakarta.ejb.EJBException;
import jakarta.ejb.NoSuchEJBException;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Health checks ask enterprise beans that may not be there: still being created while the server
 * already answers probes, or gone because their start failed (a migration that did not apply, say).
 * Either way the check must answer, DOWN (or UP for an optional component), and never turn the whole
 * health response into a 500; and until a bean has started it must not ask it at all.
 */
public final class UnavailableBeans {

  private UnavailableBeans() {}

  /**
   * The check's answer once the beans it asks have started, or a response named {@code name} with
   * the state they are in.
   */
  public static HealthCheckResponse guard(String name, boolean upWhileUnavailable, Supplier<HealthCheckResponse> check,
      Class<?>... beans) {
    if (!StartedBeans.started(beans)) {
      // asking a bean now would create it on this thread, ahead of the deployment
      return HealthCheckResponse.named(name).status(upWhileUnavailable).withData("state", "starting").build();
    }
    try {
      return check.get();
    } catch (NoSuchEJBException failed) {
      return HealthCheckResponse.named(name).status(upWhileUnavailable).withData("state", "failed to start")
          .withData("error", String.valueOf(failed.getMessage())).build();
    } catch (EJBException starting) {
      return HealthCheckResponse.named(name).status(upWhileUnavailable).withData("state", "starting").build();
    } catch (RuntimeException | LinkageError going) {
      // the application is being taken down (a failed deployment, a shutdown) under the probe
      return HealthCheckResponse.named(name).status(upWhileUnavailable).withData("state", "unavailable")
          .withData("error", String.valueOf(going)).build();
    }
  }
}

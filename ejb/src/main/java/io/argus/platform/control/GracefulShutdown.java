package io.argus.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * SIGTERM as an orchestrator means it: stop being ready, let the requests in flight finish (up to
 * {@code argus.shutdown.grace}), run the server's shutdown hooks, and exit with status 0 rather than
 * the JVM's 143. SIGINT (Ctrl-C in a terminal) is handled the same way instead of the JVM's 130.
 */
@Singleton
@Startup
public class GracefulShutdown {

  private static final Logger LOG = Logger.getLogger(GracefulShutdown.class.getName());
  private static final AtomicBoolean DRAINING = new AtomicBoolean();

  @Inject
  @ConfigProperty(name = "argus.shutdown.grace", defaultValue = "PT25S")
  Duration grace;

  /** The signals handled, each with the handler it replaced. */
  private final Map<String, Object> previousHandlers = new LinkedHashMap<>();

  /** True once SIGTERM arrived: readiness reports DOWN so load balancers stop sending work. */
  public static boolean draining() {
    return DRAINING.get();
  }

  @PostConstruct
  void install() {
    DRAINING.set(false);
    for (String signal : List.of("TERM", "INT")) {
      try {
        previousHandlers.put(signal, SignalHandlers.install(signal, () -> onSignal(signal)));
      } catch (ReflectiveOperationException | RuntimeException e) {
        LOG.log(Level.WARNING, e, () -> "Cannot handle SIG" + signal + " on this JVM; it will exit without draining on it");
      }
    }
  }

  @PreDestroy
  void uninstall() {
    previousHandlers.forEach((signal, previous) -> {
      try {
        SignalHandlers.restore(signal, previous);
      } catch (ReflectiveOperationException | RuntimeException e) {
        LOG.log(Level.FINE, e, () -> "Could not restore the previous SIG" + signal + " handler");
      }
    });
    previousHandlers.clear();
  }

  private void onSignal(String signal) {
    if (!DRAINING.compareAndSet(false, true)) {
      return;
    }
    LOG.info(() -> "SIG" + signal + ": draining " + RequestContext.inFlight() + " request(s) in flight, then shutting down");
    long deadline = System.nanoTime() + grace.toNanos();
    while (RequestContext.inFlight() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (RequestContext.inFlight() > 0) {
      LOG.warning(() -> RequestContext.inFlight() + " request(s) still in flight after " + grace + "; shutting down anyway");
    }
    // System.exit runs every shutdown hook (the server's stops the deployments and pools) and exits 0.
    Thread exit = new Thread(() -> System.exit(0), "argus-shutdown");
    exit.setDaemon(false);
    exit.start();
  }

  /**
   * {@code sun.misc.Signal} through reflection: it lives in {@code jdk.unsupported}, which a
   * deployment may not see on every server.
   */
  static final class SignalHandlers {

    private SignalHandlers() {}

    static Object install(String signal, Runnable action) throws ReflectiveOperationException {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      InvocationHandler invocation = (Object proxy, Method method, Object[] args) -> {
        if ("handle".equals(method.getName())) {
          action.run();
          return null;
        }
        return switch (method.getName()) {
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> "argus-" + signal + "-handler";
        };
      };
      Object handler = Proxy.newProxyInstance(
          GracefulShutdown.class.getClassLoader(), new Class<?>[] {handlerClass}, invocation);
      Object sig = signalClass.getConstructor(String.class).newInstance(signal);
      return signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, sig, handler);
    }

    static void restore(String signal, Object previous) throws ReflectiveOperationException {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Object sig = signalClass.getConstructor(String.class).newInstance(signal);
      signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, sig, previous);
    }
  }
}

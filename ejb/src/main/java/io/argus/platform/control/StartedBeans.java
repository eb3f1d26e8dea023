package io.argus.platform.control;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which start-up beans have finished starting. The server answers health probes while it is still
 * deploying; a probe that called a bean then would create that bean on the probe's thread, ahead of
 * and alongside the deployment (seen: the database migration run by a readiness probe, and a
 * database bean left broken for good). Health checks ask here first and report "starting" without
 * touching a bean until it says it has started. (Ordering one bean after all the others with
 * {@code @DependsOn} is what this would naturally be, but the server's dependency check reports a
 * cycle for shared dependencies.)
 */
public final class StartedBeans {

  private static final Set<Class<?>> STARTED = ConcurrentHashMap.newKeySet();

  private StartedBeans() {}

  /** Called by a bean at the end of its {@code @PostConstruct}. */
  public static void started(Class<?> bean) {
    STARTED.add(bean);
  }

  /** Called by a bean first thing in its {@code @PreDestroy}. */
  public static void stopped(Class<?> bean) {
    STARTED.remove(bean);
  }

  public static boolean started(Class<?>... beans) {
    for (Class<?> bean : beans) {
      if (!STARTED.contains(bean)) {
        return false;
      }
    }
    return true;
  }
}

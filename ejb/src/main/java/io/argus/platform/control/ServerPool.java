package io.argus.platform.control;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The figures of the server's connection pool behind Argus's data source: connections in use, idle,
 * the maximum and requests waiting for one. Payara publishes pool statistics only through its
 * monitoring service (off by default, and not for application-scoped data sources), so they are read
 * from the pool itself, through reflection on Payara's connector runtime; on another server the
 * figures are absent.
 */
final class ServerPool {

  private static final Logger LOG = Logger.getLogger(ServerPool.class.getName());
  private static volatile boolean warned;

  private ServerPool() {}

  /** The pool whose name ends with this JNDI name's path, if this server lets us see it. */
  static Optional<Database.Pool> figures(Object serverDataSource, String jndiName) {
    try {
      ClassLoader loader = serverDataSource.getClass().getClassLoader();
      Class<?> runtime = Class.forName("com.sun.enterprise.connectors.ConnectorRuntime", true, loader);
      Object poolManager = call(call(runtime.getMethod("getRuntime").invoke(null), "getPoolManager"), null);
      Map<?, ?> pools = (Map<?, ?>) field(poolManager, "poolTable");
      String suffix = jndiName.substring(jndiName.indexOf(':') + 1); // app/jdbc/argus
      for (Map.Entry<?, ?> e : pools.entrySet()) {
        String name = String.valueOf(call(e.getKey(), "getName"));
        if (name.endsWith(suffix) || name.endsWith(suffix.substring(suffix.indexOf('/') + 1))) {
          Object pool = e.getValue();
          Object status = call(pool, "getPoolStatus");
          int used = (Integer) call(status, "getNumConnUsed");
          int free = (Integer) call(status, "getNumConnFree");
          int max = (Integer) call(pool, "getMaxPoolSize");
          int waiting = (Integer) call(call(pool, "getPoolWaitQueue"), "getQueueLength");
          return Optional.of(new Database.Pool(used, free, max, waiting));
        }
      }
      return Optional.empty();
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      if (!warned) {
        warned = true;
        LOG.log(Level.INFO, "Connection pool figures are not available on this server: " + e);
      }
      return Optional.empty();
    }
  }

  private static Object call(Object target, String method) throws ReflectiveOperationException {
    if (method == null) {
      return target;
    }
    Method m = target.getClass().getMethod(method);
    m.setAccessible(true);
    return m.invoke(target);
  }

  private static Object field(Object target, String name) throws ReflectiveOperationException {
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
      } catch (NoSuchFieldException next) {
        // declared higher up
      }
    }
    throw new NoSuchFieldException(name);
  }
}

package io.argus.platform.control;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the statements Argus runs against its store and those that failed, at the physical
 * connection: every query (JPA, JDBC, migrations) passes there, whatever layer issued it. The
 * counters are process-wide because the server, not CDI, creates the data source that counts.
 */
public final class QueryStatistics {

  private static final LongAdder EXECUTED = new LongAdder();
  private static final LongAdder FAILED = new LongAdder();

  private QueryStatistics() {}

  public static long executed() {
    return EXECUTED.sum();
  }

  public static long failed() {
    return FAILED.sum();
  }

  /** The connection, with every statement it creates counted; everything else passes through. */
  static Connection counting(Connection physical) {
    return (Connection) Proxy.newProxyInstance(QueryStatistics.class.getClassLoader(), new Class<?>[] {Connection.class},
        new ConnectionHandler(physical));
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static final class ConnectionHandler implements InvocationHandler {
    private final Connection physical;

    ConnectionHandler(Connection physical) {
      this.physical = physical;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "unwrap":
          if (((Class<?>) args[0]).isInstance(proxy)) {
            return proxy;
          }
          break;
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        case "toString":
          return "counting " + physical;
        default:
          break;
      }
      Object result = QueryStatistics.invoke(physical, method, args);
      Class<?> kind = result instanceof CallableStatement ? CallableStatement.class
          : result instanceof PreparedStatement ? PreparedStatement.class
          : result instanceof Statement ? Statement.class : null;
      if (kind == null) {
        return result;
      }
      Statement statement = (Statement) result;
      return Proxy.newProxyInstance(QueryStatistics.class.getClassLoader(), new Class<?>[] {kind},
          (p, m, a) -> {
            if ("getConnection".equals(m.getName())) {
              return proxy;
            }
            if (!m.getName().startsWith("execute")) {
              return "unwrap".equals(m.getName()) && ((Class<?>) a[0]).isInstance(p) ? p : QueryStatistics.invoke(statement, m, a);
            }
            EXECUTED.increment();
            try {
              return QueryStatistics.invoke(statement, m, a);
            } catch (SQLException | RuntimeException e) {
              FAILED.increment();
              throw e;
            }
          });
    }
  }
}

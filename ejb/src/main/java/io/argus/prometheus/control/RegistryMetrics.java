package io.argus.prometheus.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.Metric;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Snapshot;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The metrics of one MicroProfile Metrics registry as metric families, named as the server's own
 * Prometheus exposition names them, so the series stay the same whichever of the two renders them:
 * characters outside {@code [a-zA-Z0-9_]} become {@code _}; the unit becomes a suffix in base units
 * ({@code _seconds}, {@code _bytes}, {@code _ratio}, {@code _per_second}, else {@code _<unit>}) and
 * the value is scaled to it; counters end in {@code _total}; a timer or histogram is a summary with
 * its quantiles, {@code _sum} and {@code _count}, plus a {@code _max} gauge. Every sample carries
 * the registry's scope as {@code mp_scope}.
 */
public final class RegistryMetrics {

  private static final Logger LOG = Logger.getLogger(RegistryMetrics.class.getName());
  private static final Pattern OUTSIDE_NAME = Pattern.compile("[^a-zA-Z0-9_]+");

  private RegistryMetrics() {}

  public static List<MetricFamily> from(MetricRegistry registry, String scope) {
    return from(registry.getMetrics(), registry::getMetadata, scope);
  }

  static List<MetricFamily> from(Map<MetricID, Metric> metrics, Function<String, Metadata> metadata, String scope) {
    Map<String, MetricFamily.Builder> families = new LinkedHashMap<>();
    for (Map.Entry<MetricID, Metric> e : metrics.entrySet()) {
      MetricID id = e.getKey();
      Metadata meta = metadata.apply(id.getName());
      String[] labels = labels(id, scope);
      String help = meta == null ? "" : meta.description().orElse("");
      String unit = meta == null ? MetricUnits.NONE : meta.unit().orElse(MetricUnits.NONE);
      try {
        Metric metric = e.getValue();
        if (metric instanceof Counter counter) {
          family(families, name(id.getName(), unit, "_total"), MetricType.COUNTER, help)
              .add(toBase(counter.getCount(), unit), labels);
        } else if (metric instanceof Gauge<?> gauge) {
          Number value = gauge.getValue();
          if (value != null) {
            family(families, name(id.getName(), unit, ""), MetricType.GAUGE, help)
                .add(toBase(value.doubleValue(), unit), labels);
          }
        } else if (metric instanceof Timer timer) {
          // a timer's snapshot is in nanoseconds whatever its unit says; its name takes the unit's suffix
          summary(families, id.getName(), unit, help, timer.getSnapshot(), v -> toBase(v, MetricUnits.NANOSECONDS),
              toBase(timer.getElapsedTime().toNanos(), MetricUnits.NANOSECONDS), timer.getCount(), labels);
        } else if (metric instanceof Histogram histogram) {
          summary(families, id.getName(), unit, help, histogram.getSnapshot(), v -> toBase(v, unit),
              toBase(histogram.getSum(), unit), histogram.getCount(), labels);
        } else {
          LOG.finer(() -> "No exposition for " + id + " of " + metric.getClass());
        }
      } catch (RuntimeException unreadable) {
        // one gauge whose source went away must not take the whole scrape with it
        LOG.log(Level.FINE, "Metric " + id + " left out of this scrape", unreadable);
      }
    }
    List<MetricFamily> out = new ArrayList<>(families.size());
    for (MetricFamily.Builder b : families.values()) {
      out.add(b.build());
    }
    return out;
  }

  private static void summary(Map<String, MetricFamily.Builder> families, String name, String unit, String help,
      Snapshot snapshot, DoubleUnaryOperator toBase, double sum, long count, String[] labels) {
    Snapshot.PercentileValue[] percentiles = snapshot.percentileValues();
    double[] quantiles = new double[percentiles.length];
    double[] values = new double[percentiles.length];
    for (int i = 0; i < percentiles.length; i++) {
      quantiles[i] = percentiles[i].getPercentile();
      values[i] = toBase.applyAsDouble(percentiles[i].getValue());
    }
    family(families, name(name, unit, "_max"), MetricType.GAUGE, help).add(toBase.applyAsDouble(snapshot.getMax()), labels);
    family(families, name(name, unit, ""), MetricType.SUMMARY, help).summary(quantiles, values, sum, count, labels);
  }

  private static MetricFamily.Builder family(Map<String, MetricFamily.Builder> families, String name, MetricType type,
      String help) {
    return families.computeIfAbsent(name, n -> switch (type) {
      case COUNTER -> MetricFamily.counter(n, help);
      case SUMMARY -> MetricFamily.summary(n, help);
      default -> MetricFamily.gauge(n, help);
    });
  }

  private static String[] labels(MetricID id, String scope) {
    Map<String, String> tags = id.getTags();
    String[] labels = new String[2 * tags.size() + 2];
    int i = 0;
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      labels[i++] = tag.getKey();
      labels[i++] = tag.getValue();
    }
    labels[i++] = "mp_scope";
    labels[i] = scope;
    return labels;
  }

  /**
   * The exposition name: the unit's suffix, then {@code suffix}, neither repeated when the name ends
   * in them already; a name with {@code .total} in it is kept as it is (the server's rule, kept so
   * that its names, such as {@code connection.pool.<pool>.totalConnection}, come out the same).
   */
  static String name(String name, String unit, String suffix) {
    String tail = unitSuffix(unit) + suffix;
    String full = tail.isEmpty() || name.endsWith(tail) || name.contains(".total") ? name : name + tail;
    return OUTSIDE_NAME.matcher(full).replaceAll("_");
  }

  private static String unitSuffix(String unit) {
    return switch (unit) {
      case MetricUnits.NANOSECONDS, MetricUnits.MICROSECONDS, MetricUnits.MILLISECONDS, MetricUnits.SECONDS,
          MetricUnits.MINUTES, MetricUnits.HOURS, MetricUnits.DAYS -> "_seconds";
      case MetricUnits.BITS, MetricUnits.BYTES, MetricUnits.KILOBITS, MetricUnits.MEGABITS, MetricUnits.GIGABITS,
          MetricUnits.MEBIBITS, MetricUnits.GIBIBITS, MetricUnits.KILOBYTES, MetricUnits.MEGABYTES -> "_bytes";
      case MetricUnits.PERCENT -> "_ratio";
      case MetricUnits.PER_SECOND -> "_per_second";
      case MetricUnits.NONE, "" -> "";
      default -> "_" + unit;
    };
  }

  /** {@code value} in {@code unit} converted to the base unit its suffix names. */
  static double toBase(double value, String unit) {
    return switch (unit) {
      case MetricUnits.NANOSECONDS -> value / 1e9;
      case MetricUnits.MICROSECONDS -> value / 1e6;
      case MetricUnits.MILLISECONDS -> value / 1e3;
      case MetricUnits.MINUTES -> value * 60;
      case MetricUnits.HOURS -> value * 3600;
      case MetricUnits.DAYS -> value * 86400;
      case MetricUnits.BITS -> value / 8;
      case MetricUnits.KILOBITS -> value * 1e3 / 8;
      case MetricUnits.MEGABITS -> value * 1e6 / 8;
      case MetricUnits.GIGABITS -> value * 1e9 / 8;
      case MetricUnits.MEBIBITS -> value * (1L << 20) / 8;
      case MetricUnits.GIBIBITS -> value * (1L << 30) / 8;
      case MetricUnits.KILOBYTES -> value * 1e3;
      case MetricUnits.MEGABYTES -> value * 1e6;
      default -> value;
    };
  }
}

package io.argus.prometheus.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A named metric with its help text, type and samples; samples are kept in natural label order
 * (core 2 before core 10) so the same values always render as the same text.
 */
public record MetricFamily(String name, MetricType type, String help, List<Sample> samples) {

  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  /** Orders samples by label names, then by label values with numbers compared as numbers. */
  static final Comparator<Sample> SAMPLE_ORDER = (a, b) -> {
    Iterator<Map.Entry<String, String>> left = a.labels().entrySet().iterator();
    Iterator<Map.Entry<String, String>> right = b.labels().entrySet().iterator();
    while (left.hasNext() && right.hasNext()) {
      Map.Entry<String, String> l = left.next();
      Map.Entry<String, String> r = right.next();
      int byName = l.getKey().compareTo(r.getKey());
      if (byName != 0) {
        return byName;
      }
      int byValue = NaturalOrder.compare(l.getValue(), r.getValue());
      if (byValue != 0) {
        return byValue;
      }
    }
    return Boolean.compare(left.hasNext(), right.hasNext());
  };

  /**
   * Histogram lines: per label set (without {@code le}) the buckets by bound, then the sum, then the
   * count, as Prometheus writes them.
   */
  static final Comparator<Sample> HISTOGRAM_ORDER = partsOrder("le");

  /** Summary lines: per label set (without {@code quantile}) the quantiles, then the sum, then the count. */
  static final Comparator<Sample> SUMMARY_ORDER = partsOrder("quantile");

  private static Comparator<Sample> partsOrder(String label) {
    return (a, b) -> {
      int byLabels = SAMPLE_ORDER.compare(without(a, label), without(b, label));
      if (byLabels != 0) {
        return byLabels;
      }
      int bySuffix = Integer.compare(suffixRank(a.suffix()), suffixRank(b.suffix()));
      if (bySuffix != 0) {
        return bySuffix;
      }
      return Double.compare(bound(a, label), bound(b, label));
    };
  }

  private static Sample without(Sample s, String label) {
    TreeMap<String, String> labels = new TreeMap<>(s.labels());
    labels.remove(label);
    return new Sample(labels, s.value());
  }

  private static int suffixRank(String suffix) {
    return switch (suffix) {
      case "_bucket", "" -> 0;
      case "_sum" -> 1;
      default -> 2;
    };
  }

  private static double bound(Sample s, String label) {
    String le = s.labels().get(label);
    return le == null ? 0 : "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
  }

  public MetricFamily {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(help, "help");
    if (name == null || !METRIC_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Invalid metric name '" + name + "'");
    }
    List<Sample> sorted = new ArrayList<>(samples);
    sorted.sort(switch (type) {
      case HISTOGRAM -> HISTOGRAM_ORDER;
      case SUMMARY -> SUMMARY_ORDER;
      default -> SAMPLE_ORDER;
    });
    Set<List<Object>> seen = new HashSet<>();
    for (Sample sample : sorted) {
      if (type == MetricType.SUMMARY) {
        if (sample.suffix().equals("_bucket")) {
          throw new IllegalArgumentException("Metric '" + name + "' is a summary; it has no buckets");
        }
        if (sample.suffix().isEmpty() && !sample.labels().containsKey("quantile")) {
          throw new IllegalArgumentException("Metric '" + name + "' is a summary; a plain sample needs a quantile");
        }
      } else if (type != MetricType.HISTOGRAM && !sample.suffix().isEmpty()) {
        throw new IllegalArgumentException("Metric '" + name + "' is no histogram; its samples take no suffix");
      }
      if (!seen.add(List.of(sample.labels(), sample.suffix()))) {
        throw new IllegalArgumentException(
            "Metric '" + name + "' has two samples with labels " + sample.labels());
      }
    }
    samples = List.copyOf(sorted);
  }

  public static Builder gauge(String name, String help) {
    return new Builder(name, MetricType.GAUGE, help);
  }

  public static Builder counter(String name, String help) {
    return new Builder(name, MetricType.COUNTER, help);
  }

  public static Builder histogram(String name, String help) {
    return new Builder(name, MetricType.HISTOGRAM, help);
  }

  public static Builder summary(String name, String help) {
    return new Builder(name, MetricType.SUMMARY, help);
  }

  /** Collects samples, silently skipping absent values so callers need no {@code if} per field. */
  public static final class Builder {
    private final String name;
    private final MetricType type;
    private final String help;
    private final List<Sample> samples = new ArrayList<>();

    private Builder(String name, MetricType type, String help) {
      this.name = name;
      this.type = type;
      this.help = help;
    }

    public Builder add(double value, String... labelNamesAndValues) {
      samples.add(Sample.of(value, labelNamesAndValues));
      return this;
    }

    public Builder add(OptionalDouble value, String... labelNamesAndValues) {
      if (value.isPresent()) {
        add(value.getAsDouble(), labelNamesAndValues);
      }
      return this;
    }

    public Builder add(OptionalLong value, String... labelNamesAndValues) {
      if (value.isPresent()) {
        add((double) value.getAsLong(), labelNamesAndValues);
      }
      return this;
    }

    public Builder add(OptionalInt value, String... labelNamesAndValues) {
      if (value.isPresent()) {
        add((double) value.getAsInt(), labelNamesAndValues);
      }
      return this;
    }

    /**
     * One histogram: a {@code _bucket} line per upper bound with its cumulative count, then
     * {@code _sum} and {@code _count}; the last bound must be +Inf.
     */
    public Builder histogram(double[] bounds, long[] cumulative, double sum, String... labelNamesAndValues) {
      if (bounds.length != cumulative.length || bounds.length == 0 || !Double.isInfinite(bounds[bounds.length - 1])) {
        throw new IllegalArgumentException("A histogram needs one cumulative count per bound, ending at +Inf");
      }
      String[] withBound = Arrays.copyOf(labelNamesAndValues, labelNamesAndValues.length + 2);
      withBound[labelNamesAndValues.length] = "le";
      for (int i = 0; i < bounds.length; i++) {
        withBound[labelNamesAndValues.length + 1] = ExpositionFormat.formatValue(bounds[i]);
        Sample s = Sample.of(cumulative[i], withBound);
        samples.add(new Sample(s.labels(), s.value(), "_bucket"));
      }
      Sample plain = Sample.of(sum, labelNamesAndValues);
      samples.add(new Sample(plain.labels(), sum, "_sum"));
      samples.add(new Sample(plain.labels(), cumulative[cumulative.length - 1], "_count"));
      return this;
    }

    /**
     * One summary: a line per quantile ({@code quantile} label) with its value, then {@code _sum}
     * and {@code _count}.
     */
    public Builder summary(double[] quantiles, double[] values, double sum, long count, String... labelNamesAndValues) {
      if (quantiles.length != values.length) {
        throw new IllegalArgumentException("A summary needs one value per quantile");
      }
      String[] withQuantile = Arrays.copyOf(labelNamesAndValues, labelNamesAndValues.length + 2);
      withQuantile[labelNamesAndValues.length] = "quantile";
      for (int i = 0; i < quantiles.length; i++) {
        withQuantile[labelNamesAndValues.length + 1] = ExpositionFormat.formatValue(quantiles[i]);
        samples.add(Sample.of(values[i], withQuantile));
      }
      Sample plain = Sample.of(sum, labelNamesAndValues);
      samples.add(new Sample(plain.labels(), sum, "_sum"));
      samples.add(new Sample(plain.labels(), count, "_count"));
      return this;
    }

    public MetricFamily build() {
      return new MetricFamily(name, type, help, samples);
    }
  }
}

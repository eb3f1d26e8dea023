package io.argus.ingest.control;

import io.argus.ingest.entity.MetricDictionary;
import io.argus.telemetry.entity.MetricKind;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric dictionary exactly as the V2 migration seeds it, so the tests follow the real seed. */
public final class SeedDictionary {

  private static final Pattern METRIC_ROW = Pattern.compile(
      "\\(\\s*(\\d+),\\s*'([^']+)',\\s*'[^']*',\\s*'(gauge|counter)'");
  private static final Pattern ALIAS_ROW = Pattern.compile("\\('([^']+)',\\s*(\\d+),\\s*([0-9.]+)\\)");

  private SeedDictionary() {}

  public static MetricDictionary load() {
    String sql = Fixtures.text("db/migration/common/V2__metric_dictionary.sql");
    int aliases = sql.indexOf("INSERT INTO metric_alias");
    MetricDictionary.Builder builder = MetricDictionary.builder();
    Map<String, String> namesById = new HashMap<>();
    Matcher metric = METRIC_ROW.matcher(sql.substring(0, aliases));
    while (metric.find()) {
      namesById.put(metric.group(1), metric.group(2));
      builder.metric(metric.group(2), MetricKind.valueOf(metric.group(3).toUpperCase(Locale.ROOT)));
    }
    Matcher alias = ALIAS_ROW.matcher(sql.substring(aliases));
    int count = 0;
    while (alias.find()) {
      builder.alias(alias.group(1), namesById.get(alias.group(2)), Double.parseDouble(alias.group(3)));
      count++;
    }
    if (namesById.size() != 48 || count != 53) {
      throw new IllegalStateException("the seed changed: " + namesById.size() + " metrics, " + count + " aliases");
    }
    return builder.build();
  }
}

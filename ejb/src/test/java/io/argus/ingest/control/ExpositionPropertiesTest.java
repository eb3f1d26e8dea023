package io.argus.ingest.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.ingest.entity.ExpositionReport;
import io.argus.ingest.entity.ExpositionSample;
import io.argus.ingest.entity.LineError;
import io.argus.ingest.entity.MetricFamily;
import io.argus.ingest.entity.MetricType;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ExpositionPropertiesTest {

  private final ExpositionParser parser = new ExpositionParser();

  /** A family with the samples it renders to, before line numbers are known. */
  record Family(MetricFamily family, List<ExpositionSample> samples) {}

  @Property(tries = 300)
  void whatTheWriterWritesTheParserReadsBack(@ForAll("families") List<Family> families) {
    StringBuilder text = new StringBuilder();
    ExpositionWriter writer = new ExpositionWriter(text);
    List<ExpositionSample> expected = new ArrayList<>();
    for (Family f : families) {
      writer.family(f.family());
      f.samples().forEach(writer::sample);
      expected.addAll(f.samples());
    }
    List<ExpositionSample> parsed = new ArrayList<>();

    ExpositionReport report = parser.parse(new StringReader(text.toString()), parsed::add);

    assertThat(report.errors()).isEmpty();
    assertThat(parsed).extracting(ExpositionParserProperties::withoutLine).containsExactlyElementsOf(expected);
    for (Family f : families) {
      if (f.family().type() != MetricType.UNTYPED || f.family().help().isPresent()) {
        assertThat(report.families().get(f.family().name())).isEqualTo(f.family());
      }
    }
  }

  @Property(tries = 1000)
  void arbitraryTextNeverThrowsAndEverySampleLineIsAccountedFor(@ForAll("expositionLike") String text) {
    List<ExpositionSample> parsed = new ArrayList<>();

    ExpositionReport report = parser.parse(new StringReader(text), parsed::add);

    assertThat(report.samples()).isEqualTo(parsed.size());
    // The format ends lines at '\n' only (a lone '\r' is content), unlike String.lines().
    long sampleLines = Arrays.stream(text.split("\n", -1))
        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
    assertThat(report.samples() + report.errorCount()).isGreaterThanOrEqualTo(sampleLines);
    assertThat(report.errors()).allSatisfy(e -> {
      assertThat(e.line()).isBetween(1L, report.lines());
      assertThat(e.column()).isPositive();
    });
  }

  @Property(tries = 1000)
  void strictParsingFailsOnlyWithMalformedInput(@ForAll("expositionLike") String text) {
    try {
      parser.parseStrict(new StringReader(text));
    } catch (MalformedInput e) {
      assertThat(e.errors()).isNotEmpty().allSatisfy(err -> assertThat(err).isInstanceOf(LineError.class));
    }
  }

  @Property(tries = 500)
  void oneDamagedLineCostsAtMostItsOwnSampleAndOneItNowDuplicates(
      @ForAll @IntRange(min = 0, max = 8871) int position, @ForAll("damage") String damage) {
    String scrape = Fixtures.text(Fixtures.DCGM);
    int at = Math.min(position, scrape.length());
    String damaged = scrape.substring(0, at) + damage + scrape.substring(Math.min(at + 1, scrape.length()));
    if (damage.indexOf('\n') >= 0 || scrape.charAt(Math.min(at, scrape.length() - 1)) == '\n') {
      return;
    }

    ExpositionReport report = parser.parse(new StringReader(damaged), s -> {});

    assertThat(report.samples()).isBetween(21L, 23L);
  }

  @Provide
  Arbitrary<String> damage() {
    return Arbitraries.oneOf(
        Arbitraries.of("", " ", "\t", "{", "}", "\"", "\\", "=", ",", "#", "x", "0", ".", "e", "-", "\u00e9", "\u0000"),
        Arbitraries.strings().ofMaxLength(3).filter(s -> s.indexOf('\n') < 0));
  }

  @Provide
  Arbitrary<String> expositionLike() {
    Arbitrary<String> tokens = Arbitraries.oneOf(
        Arbitraries.of("# HELP ", "# TYPE ", "#", " ", "\t", "\n", "\r\n", "{", "}", "=", ",", "\"", "\\", "\\n",
            "\\\"", "le", "quantile", "_bucket", "_sum", "_count", "counter", "gauge", "histogram", "summary",
            "untyped", "NaN", "+Inf", "-Inf", "1e3", "-0", "0x1p3", "1d", "9223372036854775808", "__name__"),
        Arbitraries.strings().withCharRange('a', 'f').ofMinLength(1).ofMaxLength(4),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20),
        Arbitraries.strings().ofMaxLength(6));
    return tokens.list().ofMaxSize(60).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<List<Family>> families() {
    return Arbitraries.integers().between(0, 6).flatMap(count -> {
      List<Arbitrary<Family>> each = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        each.add(family("f" + i + "_"));
      }
      return Combinators.combine(each).as(list -> list);
    });
  }

  private Arbitrary<Family> family(String prefix) {
    Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
        .withCharRange('0', '9').withChars('_', ':').ofMaxLength(12).map(s -> prefix + s);
    Arbitrary<MetricType> type = Arbitraries.of(MetricType.class);
    Arbitrary<Optional<String>> help = Arbitraries.strings().ofMaxLength(30)
        .filter(h -> h.indexOf('\r') < 0 && (h.isEmpty() || (h.charAt(0) != ' ' && h.charAt(0) != '\t')))
        .optional();
    Arbitrary<List<Map<String, String>>> labelSets = labels().list().ofMaxSize(5).uniqueElements();
    return Combinators.combine(name, type, help, labelSets, values().list().ofSize(5), timestamps().list().ofSize(5))
        .as((n, t, h, sets, values, times) -> build(new MetricFamily(n, t, h), sets, values, times));
  }

  private static Family build(MetricFamily family, List<Map<String, String>> sets, List<Double> values,
      List<OptionalLong> times) {
    List<ExpositionSample> samples = new ArrayList<>();
    String n = family.name();
    MetricType t = family.type();
    for (int i = 0; i < sets.size(); i++) {
      Map<String, String> labels = new TreeMap<>(sets.get(i));
      double v = values.get(i);
      OptionalLong ts = times.get(i);
      switch (t) {
        case HISTOGRAM -> {
          labels.remove("le");
          Map<String, String> bucket = new TreeMap<>(labels);
          bucket.put("le", SampleValues.format(v));
          samples.add(new ExpositionSample(n + "_bucket", new TreeMap<>(bucket), v, ts, n, t, 0));
          samples.add(new ExpositionSample(n + "_sum", new TreeMap<>(labels), v, ts, n, t, 0));
          samples.add(new ExpositionSample(n + "_count", new TreeMap<>(labels), v, ts, n, t, 0));
        }
        case SUMMARY -> {
          Map<String, String> quantile = new TreeMap<>(labels);
          quantile.remove("quantile");
          Map<String, String> plain = new TreeMap<>(quantile);
          quantile.put("quantile", "0.5");
          samples.add(new ExpositionSample(n, new TreeMap<>(quantile), v, ts, n, t, 0));
          samples.add(new ExpositionSample(n + "_sum", new TreeMap<>(plain), v, ts, n, t, 0));
        }
        default -> samples.add(new ExpositionSample(n, new TreeMap<>(labels), v, ts, n, t, 0));
      }
    }
    // Label sets that differed only in le or quantile collapse to one series; keep the first.
    Map<String, ExpositionSample> unique = new LinkedHashMap<>();
    samples.forEach(s -> unique.putIfAbsent(s.name() + s.labels(), s));
    return new Family(family, new ArrayList<>(unique.values()));
  }

  private static Arbitrary<Map<String, String>> labels() {
    Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
        .withCharRange('0', '9').withChars('_').ofMinLength(1).ofMaxLength(8)
        .filter(s -> LabelText.isLabelName(s) && !s.equals("__name__"));
    Arbitrary<String> value = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(12),
        Arbitraries.strings().withChars('\\', '"', '\n', '{', '}', ',', '=', ' ', '#', 'a').ofMaxLength(12));
    return Arbitraries.maps(name, value).ofMaxSize(4);
  }

  private static Arbitrary<Double> values() {
    return Arbitraries.oneOf(
        Arbitraries.doubles(),
        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE,
            Double.MAX_VALUE, 9.223372036854775807E18, 1e15, 123456789012345.0),
        Arbitraries.longs().map(Long::doubleValue));
  }

  private static Arbitrary<OptionalLong> timestamps() {
    return Arbitraries.longs().map(OptionalLong::of).injectNull(0.3).map(t -> t == null ? OptionalLong.empty() : t);
  }
}

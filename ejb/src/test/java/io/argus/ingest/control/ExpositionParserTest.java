package io.argus.ingest.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.ingest.entity.ExpositionReport;
import io.argus.ingest.entity.ExpositionSample;
import io.argus.ingest.entity.LineError;
import io.argus.ingest.entity.MetricFamily;
import io.argus.ingest.entity.MetricType;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ExpositionParserTest {

  private final ExpositionParser parser = new ExpositionParser();

  private record Parsed(ExpositionReport report, List<ExpositionSample> samples) {}

  private Parsed parse(String text) {
    return parse(new StringReader(text));
  }

  private Parsed parse(Reader in) {
    List<ExpositionSample> samples = new ArrayList<>();
    ExpositionReport report = parser.parse(in, samples::add);
    return new Parsed(report, samples);
  }

  @Test
  void readsTheDcgmExporterScrapeWithItsCamelCaseLabelsAndEmptyHelpLines() {
    Parsed p = parse(Fixtures.reader(Fixtures.DCGM));

    assertThat(p.report().errors()).isEmpty();
    assertThat(p.report().lines()).isEqualTo(70);
    assertThat(p.samples()).hasSize(23);
    ExpositionSample first = p.samples().get(0);
    assertThat(first.name()).isEqualTo("DCGM_FI_DEV_SM_CLOCK");
    assertThat(first.line()).isEqualTo(3);
    assertThat(first.value()).isEqualTo(300.0);
    assertThat(first.type()).isEqualTo(MetricType.GAUGE);
    assertThat(first.timestampMillis()).isEmpty();
    assertThat(first.labels()).containsExactly(
        Map.entry("DCGM_FI_DRIVER_VERSION", "460.106.00"),
        Map.entry("DCGM_FI_PROCESS_NAME", "/usr/bin/dcgm-exporter"),
        Map.entry("Hostname", "424773df46e0"),
        Map.entry("UUID", "GPU-20c56d28-0da5-6d26-a36a-e7af1ce2586e"),
        Map.entry("device", "nvidia0"),
        Map.entry("gpu", "0"),
        Map.entry("modelName", "Tesla T4"));
    assertThat(p.samples()).filteredOn(s -> s.name().equals("DCGM_FI_DEV_POWER_USAGE"))
        .singleElement().extracting(ExpositionSample::value).isEqualTo(8.969);
    assertThat(p.report().families().get("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION"))
        .isEqualTo(new MetricFamily("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", MetricType.COUNTER,
            Optional.of("Total energy consumption since boot (in mJ).")));
    assertThat(p.report().families().get("DCGM_FI_DEV_SLOWDOWN_TEMP").help()).contains("");
  }

  @Test
  void readsTheNvidiaGpuExporterAndNodeExporterScrapes() {
    Parsed smi = parse(Fixtures.reader(Fixtures.NVIDIA_SMI));
    Parsed node = parse(Fixtures.reader(Fixtures.NODE));

    assertThat(smi.report().errors()).isEmpty();
    assertThat(smi.samples()).hasSize(138);
    assertThat(smi.samples()).filteredOn(s -> s.name().equals("nvidia_smi_clocks_current_sm_clock_hz"))
        .singleElement().extracting(ExpositionSample::value).isEqualTo(1.98e9);
    assertThat(node.report().errors()).isEmpty();
    assertThat(node.samples()).hasSize(153);
    assertThat(node.report().families()).hasSize(25);
    assertThat(node.samples()).filteredOn(s -> s.name().equals("node_disk_io_time_seconds_total"))
        .extracting(ExpositionSample::value).contains(9653.880000000001);
  }

  @Test
  void unescapesLabelValuesAndHelpText() {
    Parsed p = parse("""
        # HELP m A \\\\ backslash,\\na new line
        m{path="C:\\\\dir",quote="say \\"hi\\"",nl="a\\nb",empty=""} 1
        """);

    assertThat(p.report().errors()).isEmpty();
    assertThat(p.samples().get(0).labels()).containsExactly(
        Map.entry("empty", ""), Map.entry("nl", "a\nb"), Map.entry("path", "C:\\dir"), Map.entry("quote", "say \"hi\""));
    assertThat(p.report().families().get("m").help()).contains("A \\ backslash,\na new line");
  }

  @Test
  void readsSpecialValuesTimestampsBlanksAndTrailingCommas() {
    Parsed p = parse("""
        a NaN
        b +Inf 1700000000000
        c -Inf -5
        d{x="1",} 1.5e+03\t
          e   { x = "1" }   -0.25e-2   42
        f{} 7
        g 0x10
        """);

    assertThat(p.samples()).extracting(ExpositionSample::name).containsExactly("a", "b", "c", "d", "e", "f");
    assertThat(p.samples().get(0).value()).isNaN();
    assertThat(p.samples().get(1).value()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(p.samples().get(1).timestampMillis()).isEqualTo(OptionalLong.of(1_700_000_000_000L));
    assertThat(p.samples().get(2).value()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(p.samples().get(2).timestampMillis()).isEqualTo(OptionalLong.of(-5));
    assertThat(p.samples().get(3).value()).isEqualTo(1500.0);
    assertThat(p.samples().get(4).value()).isEqualTo(-0.0025);
    assertThat(p.samples().get(4).labels()).containsExactly(Map.entry("x", "1"));
    assertThat(p.report().errors()).containsExactly(new LineError(7, 3, "invalid value \"0x10\" for metric \"g\""));
  }

  @Test
  void assignsHistogramAndSummarySamplesToTheirFamilies() {
    Parsed p = parse("""
        # TYPE rpc_seconds histogram
        rpc_seconds_bucket{le="0.1"} 3
        rpc_seconds_bucket{le="+Inf"} 5
        rpc_seconds_sum 1.2
        rpc_seconds_count 5
        # TYPE gc_seconds summary
        gc_seconds{quantile="0.5"} 0.01
        gc_seconds_sum 4
        gc_seconds_count 9
        rpc_seconds_total 1
        """);

    assertThat(p.report().errors()).isEmpty();
    assertThat(p.samples()).extracting(ExpositionSample::family).containsExactly(
        "rpc_seconds", "rpc_seconds", "rpc_seconds", "rpc_seconds", "gc_seconds", "gc_seconds", "gc_seconds",
        "rpc_seconds_total");
    assertThat(p.samples()).extracting(ExpositionSample::type).containsExactly(
        MetricType.HISTOGRAM, MetricType.HISTOGRAM, MetricType.HISTOGRAM, MetricType.HISTOGRAM,
        MetricType.SUMMARY, MetricType.SUMMARY, MetricType.SUMMARY, MetricType.UNTYPED);
  }

  @Test
  void reportsEveryBadLineWithLineColumnAndReasonAndKeepsTheGoodOnes() {
    Parsed p = parse("""
        # TYPE h histogram
        h_bucket{le="0.5"} 1
        h_bucket{code="200"} 1
        h_bucket{le="high"} 1
        h 3
        # TYPE s summary
        s 1
        good{a="1"} 1
        good{a="1"} 2
        # TYPE good gauge
        # TYPE h counter
        # HELP good one
        # HELP good two
        # TYPE x strange
        bad{a="1} 1
        bad{a="\\t"} 1
        bad{1a="x"} 1
        bad{a="x" b="y"} 1
        bad{a="x",a="y"} 1
        bad{__name__="x"} 1
        bad+1 2
        bad 1 2 3
        bad 1 12.5
        bad 1 99999999999999999999
        bad
        {a="b"} 1
        # HELP 9bad text
        also_good 2
        """);

    assertThat(p.samples()).extracting(ExpositionSample::name, ExpositionSample::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("h_bucket", 1.0),
            org.assertj.core.groups.Tuple.tuple("good", 1.0),
            org.assertj.core.groups.Tuple.tuple("also_good", 2.0));
    assertThat(p.report().errors()).extracting(LineError::describe).containsExactly(
        "line 3, column 9: sample \"h_bucket\" lacks the \"le\" label",
        "line 4, column 9: label \"le\" of \"h_bucket\" is not a number: \"high\"",
        "line 5, column 1: sample \"h\" of histogram \"h\" must be named h_bucket, h_sum or h_count",
        "line 7, column 2: sample \"s\" lacks the \"quantile\" label",
        "line 9, column 1: duplicate series good{a=1} (first on line 8)",
        "line 10, column 3: TYPE line for \"good\" comes after its samples (first on line 8)",
        "line 11, column 3: second TYPE line for metric name \"h\" (first on line 1)",
        "line 13, column 3: second HELP line for metric name \"good\" (first on line 12)",
        "line 14, column 10: unknown metric type \"strange\" (expected counter, gauge, histogram, summary or untyped)",
        "line 15, column 7: unterminated value of label \"a\"",
        "line 16, column 8: invalid escape sequence '\\t' in the value of label \"a\" (only \\\\, \\\" and \\n are allowed)",
        "line 17, column 5: expected a label name, found '1'",
        "line 18, column 11: expected ',' or '}' after the value of label \"a\", found 'b'",
        "line 19, column 11: duplicate label name \"a\"",
        "line 20, column 5: label name \"__name__\" is reserved",
        "line 21, column 4: expected a blank or '{' after metric name \"bad\", found '+'",
        "line 22, column 9: unexpected text after the timestamp of metric \"bad\"",
        "line 23, column 7: invalid timestamp \"12.5\" (expected integer milliseconds)",
        "line 24, column 7: timestamp \"99999999999999999999\" is out of range",
        "line 25, column 4: missing value for metric \"bad\"",
        "line 26, column 1: expected a metric name, found '{'",
        "line 27, column 8: invalid metric name in HELP line, found '9'");
    assertThat(p.report().errorCount()).isEqualTo(22);
    assertThat(p.report().lines()).isEqualTo(28);
  }

  @Test
  void treatsCrLfLikeLfAndIgnoresOtherComments() {
    Parsed p = parse("# a comment\r\n#\r\n# TYPE up gauge\r\nup 1\r\n\r\n   \r\nup{job=\"x\"} 0");

    assertThat(p.report().errors()).isEmpty();
    assertThat(p.samples()).extracting(ExpositionSample::value).containsExactly(1.0, 0.0);
    assertThat(p.report().lines()).isEqualTo(7);
  }

  @Test
  void rejectsOverlongLinesWithoutReadingThemIntoMemory() {
    ExpositionParser small = new ExpositionParser(10, 64);
    List<ExpositionSample> samples = new ArrayList<>();
    String longLine = "x{a=\"" + "y".repeat(10_000) + "\"} 1";

    ExpositionReport report = small.parse(new StringReader("ok 1\n" + longLine + "\nok2 2\n"), samples::add);

    assertThat(samples).extracting(ExpositionSample::name).containsExactly("ok", "ok2");
    assertThat(report.errors()).containsExactly(new LineError(2, 65, "line is longer than 64 characters"));
  }

  @Test
  void listsOnlyTheFirstErrorsButCountsThemAll() {
    ExpositionParser capped = new ExpositionParser(3, 1024);

    ExpositionReport report = capped.parse(new StringReader("?\n".repeat(10)), s -> {});

    assertThat(report.errors()).hasSize(3);
    assertThat(report.errorCount()).isEqualTo(10);
  }

  @Test
  void strictParsingFailsWithAllListedErrors() {
    assertThatThrownBy(() -> parser.parseStrict(new StringReader("a 1\nb x\nc\n")))
        .isInstanceOfSatisfying(MalformedInput.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.getMessage()).isEqualTo("line 2, column 3: invalid value \"x\" for metric \"b\" (and 1 more)");
          assertThat(e.errors()).hasSize(2);
        });
    assertThat(parser.parseStrict(new StringReader("a 1\n"))).hasSize(1);
  }

  @Test
  void streamsATenThousandLineScrape() {
    StringBuilder scrape = new StringBuilder();
    for (int family = 0; family < 100; family++) {
      scrape.append("# HELP DCGM_FI_TEST_").append(family).append(" synthetic\n");
      scrape.append("# TYPE DCGM_FI_TEST_").append(family).append(" gauge\n");
      for (int gpu = 0; gpu < 98; gpu++) {
        scrape.append("DCGM_FI_TEST_").append(family).append("{gpu=\"").append(gpu)
            .append("\",UUID=\"GPU-").append(gpu).append("\",Hostname=\"node-1\",modelName=\"NVIDIA H100 80GB HBM3\"} ")
            .append(gpu * 1.5).append('\n');
      }
    }
    long[] delivered = {0};

    ExpositionReport report = parser.parse(new StringReader(scrape.toString()), s -> delivered[0]++);

    assertThat(report.lines()).isEqualTo(10_000);
    assertThat(report.samples()).isEqualTo(9_800).isEqualTo(delivered[0]);
    assertThat(report.errors()).isEmpty();
  }
}

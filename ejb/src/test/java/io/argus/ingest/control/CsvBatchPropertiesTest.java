package io.argus.ingest.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.ingest.entity.ArgusSample;
import io.argus.ingest.entity.CsvBatch;
import io.argus.ingest.entity.GpuIdentity;
import io.argus.ingest.entity.RowError;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CsvBatchPropertiesTest {

  private static final String HEADER =
      "timestamp,metric_name,gpu_id,device,uuid,modelName,Hostname,container,pod,namespace,value,labels_raw\n";

  private final CsvBatchParser parser = new CsvBatchParser(new SampleNormaliser(SeedDictionary.load()));

  /** One generated row and what it must become. */
  record Row(String csv, String uuid, String pod, Map<String, String> labels, long millis, int value) {}

  @Property(tries = 300)
  void rowsWithAnyQuotedTextComeBackAsTheirSamples(@ForAll("rows") List<Row> rows) {
    StringBuilder csv = new StringBuilder(HEADER);
    rows.forEach(r -> csv.append(r.csv()));

    CsvBatch batch = parser.parse(new StringReader(csv.toString()));

    assertThat(batch.errors()).isEmpty();
    assertThat(batch.samples()).hasSameSizeAs(rows);
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      ArgusSample sample = batch.samples().get(i);
      assertThat(sample.timestamp()).isEqualTo(Instant.ofEpochMilli(row.millis()));
      assertThat(sample.value()).isEqualTo(row.value());
      assertThat(((GpuIdentity) sample.series()).uuid()).contains(row.uuid().strip());
      assertThat(sample.attribution().pod()).isEqualTo(Optional.of(row.pod().strip()).filter(p -> !p.isEmpty()));
      assertThat(sample.labels()).isEqualTo(row.labels());
    }
  }

  @Property(tries = 1000)
  void arbitraryBodiesFailOnlyWithMalformedInputAndOnlyForTheHeader(@ForAll("csvLike") String body) {
    try {
      CsvBatch batch = parser.parse(new StringReader(body));
      assertThat(batch.errors()).allSatisfy(e -> assertThat(e.row()).isBetween(1L, batch.rows()));
    } catch (MalformedInput e) {
      assertThat(e.errors()).singleElement().isInstanceOfSatisfying(RowError.class, r -> assertThat(r.row()).isZero());
    }
  }

  @Property(tries = 1000)
  void aValidHeaderMeansNoExceptionWhateverFollows(@ForAll("csvLike") String rows) {
    CsvBatch batch = parser.parse(new StringReader(HEADER + rows));

    assertThat(batch.samples().size() + batch.errorCount() + batch.normalised().absentTotal()).isEqualTo(batch.rows());
  }

  @Provide
  Arbitrary<String> csvLike() {
    Arbitrary<String> tokens = Arbitraries.oneOf(
        Arbitraries.of(",", "\"", "\"\"", "\n", "\r\n", "\r", "{", "}", "=", "\\", "2026-01-01T00:00:00Z",
            "DCGM_FI_DEV_GPU_TEMP", "GPU-1", "n1", "NaN", "42", "timestamp", "metric_name", "value", "\uFEFF"),
        Arbitraries.strings().ofMaxLength(6));
    return tokens.list().ofMaxSize(80).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<List<Row>> rows() {
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(16)
        .filter(s -> !s.isBlank() && s.strip().equals(s));
    Arbitrary<String> pod = Arbitraries.oneOf(Arbitraries.just(""), text);
    Arbitrary<Map<String, String>> labels = Arbitraries.maps(
            Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6).map(s -> "x" + s),
            Arbitraries.oneOf(text, Arbitraries.strings().withChars(',', '"', '\n', '\\', '{', '}', '=', 'a').ofMinLength(1).ofMaxLength(8)))
        .ofMaxSize(4);
    Arbitrary<Boolean> json = Arbitraries.of(true, false);
    Arbitrary<Long> millis = Arbitraries.longs().between(0, 4_102_444_800_000L);
    Arbitrary<Integer> value = Arbitraries.integers().between(0, 100);
    Arbitrary<Row> row = Combinators.combine(text, pod, labels, json, millis, value).as((uuid, p, l, asJson, ms, v) -> {
      String labelsRaw = asJson ? json(l) : prometheus(l);
      String csv = String.join(",", Instant.ofEpochMilli(ms).toString(), "DCGM_FI_DEV_GPU_UTIL", "0", "nvidia0",
          quote(uuid), "", "host-1", "", quote(p), "", Integer.toString(v), quote(labelsRaw)) + "\r\n";
      return new Row(csv, uuid, p, new TreeMap<>(l), ms, v);
    });
    return row.list().ofMaxSize(8);
  }

  private static String quote(String field) {
    return "\"" + field.replace("\"", "\"\"") + "\"";
  }

  private static String prometheus(Map<String, String> labels) {
    StringBuilder out = new StringBuilder();
    labels.forEach((k, v) -> {
      out.append(out.length() == 0 ? "" : ",").append(k).append("=\"");
      ExpositionWriter.escapeLabelValue(v, out);
      out.append('"');
    });
    return out.toString();
  }

  private static String json(Map<String, String> labels) {
    StringBuilder out = new StringBuilder("{");
    labels.forEach((k, v) -> {
      out.append(out.length() == 1 ? "" : ", ").append('"').append(k).append("\": \"");
      for (char c : v.toCharArray()) {
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (c < 0x20) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
      out.append('"');
    });
    return out.append('}').toString();
  }
}

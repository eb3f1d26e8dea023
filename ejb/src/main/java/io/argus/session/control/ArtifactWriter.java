package io.argus.session.control;

import io.argus.platform.control.JsonText;
import io.argus.platform.control.Rfc3339;
import io.argus.session.entity.Artifact;
import io.argus.session.entity.RangeSeries;
import io.argus.session.entity.TelemetryImport;
import io.argus.session.entity.TimeWindow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes a collection's files into its output directory: the series in long format as CSV and as
 * JSON, the original service's one-row summary, and a manifest with the window, row counts, sizes
 * and SHA-256 of the others. Each file appears whole or not at all (written aside, then renamed).
 */
public final class ArtifactWriter {

  public static final String CSV = "csv";
  public static final String JSON = "json";
  /** The key the original service gave its summary file. */
  public static final String SUMMARY = "tables";
  public static final String MANIFEST = "manifest";

  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** What a collect call read, with the identifiers written into every file. */
  public record Collected(
      String sessionId,
      String runId,
      TimeWindow window,
      Duration step,
      List<RangeSeries> series,
      Map<String, Optional<Double>> summary,
      Instant generatedAt) {

    public long rows() {
      return series.stream().mapToLong(RangeSeries::size).sum();
    }
  }

  /** What became of the import into the telemetry store that a collect asked for, as the manifest reports it. */
  public sealed interface Import {

    record Done(TelemetryImport counts) implements Import {}

    record Failed(String reason) implements Import {}
  }

  private ArtifactWriter() {}

  /** Writes the four files and returns them, the manifest last. */
  public static List<Artifact> write(Path outDir, Collected c) {
    var artifacts = new ArrayList<>(writeData(outDir, c));
    artifacts.add(writeManifest(outDir, c, artifacts, Optional.empty()));
    return List.copyOf(artifacts);
  }

  /** Writes the data files (CSV, JSON, summary) and returns them; the manifest comes after. */
  public static List<Artifact> writeData(Path outDir, Collected c) {
    try {
      Files.createDirectories(outDir);
      var artifacts = new ArrayList<Artifact>();
      artifacts.add(write(outDir.resolve("metrics.csv"), CSV, "text/csv", c.rows(), out -> csv(out, c)));
      artifacts.add(write(outDir.resolve("metrics.json"), JSON, "application/json", c.rows(), out -> json(out, c)));
      artifacts.add(write(outDir.resolve("metrics_summary.csv"), SUMMARY, "text/csv", 1L, out -> summary(out, c)));
      return List.copyOf(artifacts);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the artifacts into " + outDir + ": " + e.getMessage(), e);
    }
  }

  /** Writes the manifest of {@code files}, with the import when the collect asked for one. */
  public static Artifact writeManifest(Path outDir, Collected c, List<Artifact> files, Optional<Import> imported) {
    List<Artifact> described = List.copyOf(files);
    try {
      return write(outDir.resolve("MANIFEST.json"), MANIFEST, "application/json", null, out -> manifest(out, c, described, imported));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the manifest into " + outDir + ": " + e.getMessage(), e);
    }
  }

  private interface Body {
    void write(Writer out) throws IOException;
  }

  private static Artifact write(Path file, String name, String mediaType, Long rows, Body body) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    try {
      MessageDigest sha = sha256();
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        // createTempFile makes 0600; artifacts are for the people and tools that run benchmarks
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      try (OutputStream os = new DigestOutputStream(Files.newOutputStream(tmp), sha);
          Writer out = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
        body.write(out);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return new Artifact(name, file, mediaType, Files.size(file), HexFormat.of().formatHex(sha.digest()), rows);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static void csv(Writer out, Collected c) throws IOException {
    out.write("timestamp,metric,labels,value\n");
    for (RangeSeries s : c.series()) {
      String prefix = "," + csvField(s.metric()) + "," + csvField(labelsText(s.labels())) + ",";
      long[] ts = s.timestamps();
      String[] vs = s.values();
      for (int i = 0; i < ts.length; i++) {
        out.write(TIMESTAMP.format(Instant.ofEpochMilli(ts[i])));
        out.write(prefix);
        out.write(vs[i]);
        out.write('\n');
      }
    }
  }

  /** The labels other than the metric name, as a PromQL selector: {@code {instance="n1:9100",job="node"}}. */
  static String labelsText(Map<String, String> labels) {
    var rest = new TreeMap<>(labels);
    rest.remove("__name__");
    return PrometheusClient.selector(rest);
  }

  static String csvField(String value) {
    boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
    return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }

  static void json(Writer out, Collected c) throws IOException {
    out.write("{\"session_id\":" + JsonText.string(c.sessionId()) + ",\"run_id\":" + JsonText.string(c.runId()));
    out.write(",\"window\":" + window(c.window()) + ",\"step_seconds\":" + seconds(c.step().toMillis()));
    out.write(",\"series_count\":" + c.series().size() + ",\"row_count\":" + c.rows() + ",\"series\":[");
    boolean first = true;
    for (RangeSeries s : c.series()) {
      out.write(first ? "\n" : ",\n");
      first = false;
      out.write("{\"metric\":" + JsonText.string(s.metric()) + ",\"labels\":{");
      boolean firstLabel = true;
      for (var e : s.labels().entrySet()) {
        if (!e.getKey().equals("__name__")) {
          out.write((firstLabel ? "" : ",") + JsonText.string(e.getKey()) + ":" + JsonText.string(e.getValue()));
          firstLabel = false;
        }
      }
      out.write("},\"values\":[");
      long[] ts = s.timestamps();
      String[] vs = s.values();
      for (int i = 0; i < ts.length; i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write('[');
        out.write(seconds(ts[i]));
        out.write(',');
        out.write(JsonText.string(vs[i]));
        out.write(']');
      }
      out.write("]}");
    }
    out.write("\n]}\n");
  }

  static void summary(Writer out, Collected c) throws IOException {
    var header = new ArrayList<>(List.of("run_id", "session_id", "from", "to"));
    header.addAll(CompatibilitySummary.COLUMNS);
    out.write(String.join(",", header) + "\n");
    var row = new ArrayList<String>();
    row.add(csvField(c.runId()));
    row.add(csvField(c.sessionId()));
    row.add(Rfc3339.format(c.window().start()));
    row.add(Rfc3339.format(c.window().end()));
    for (String column : CompatibilitySummary.COLUMNS) {
      row.add(c.summary().getOrDefault(column, Optional.empty()).map(String::valueOf).orElse(""));
    }
    out.write(String.join(",", row) + "\n");
  }

  static void manifest(Writer out, Collected c, List<Artifact> files, Optional<Import> imported) throws IOException {
    out.write("{\n  \"session_id\": " + JsonText.string(c.sessionId()) + ",\n");
    out.write("  \"run_id\": " + JsonText.string(c.runId()) + ",\n");
    out.write("  \"generated_at\": " + JsonText.string(Rfc3339.format(c.generatedAt())) + ",\n");
    out.write("  \"window\": " + window(c.window()) + ",\n");
    out.write("  \"step_seconds\": " + seconds(c.step().toMillis()) + ",\n");
    out.write("  \"series_count\": " + c.series().size() + ",\n");
    out.write("  \"row_count\": " + c.rows() + ",\n");
    if (imported.isPresent()) {
      out.write("  \"import\": " + importJson(imported.get()) + ",\n");
    }
    out.write("  \"files\": {");
    for (int i = 0; i < files.size(); i++) {
      Artifact a = files.get(i);
      out.write(i == 0 ? "\n" : ",\n");
      out.write("    " + JsonText.string(a.name()) + ": {\"path\": " + JsonText.string(a.path().toString())
          + ", \"file\": " + JsonText.string(a.path().getFileName().toString())
          + ", \"media_type\": " + JsonText.string(a.mediaType())
          + ", \"rows\": " + a.rows().map(String::valueOf).orElse("null")
          + ", \"size_bytes\": " + a.sizeBytes()
          + ", \"sha256\": " + JsonText.string(a.sha256()) + "}");
    }
    out.write("\n  }\n}\n");
  }

  private static String importJson(Import imported) {
    if (imported instanceof Import.Done done) {
      TelemetryImport t = done.counts();
      return "{\"series_imported\": " + t.seriesImported() + ", \"samples_stored\": " + t.samplesStored()
          + ", \"series_skipped\": " + t.seriesSkipped() + ", \"samples_replaced\": " + t.samplesReplaced() + "}";
    }
    return "{\"failed\": " + JsonText.string(((Import.Failed) imported).reason()) + ", \"samples_stored\": 0}";
  }

  private static String window(TimeWindow w) {
    return "{\"start\": " + JsonText.string(Rfc3339.format(w.start())) + ", \"end\": " + JsonText.string(Rfc3339.format(w.end())) + "}";
  }

  static String seconds(long millis) {
    return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}

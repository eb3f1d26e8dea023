package io.argus.telemetry.boundary;

import io.argus.telemetry.entity.TelemetryRow;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes telemetry pages as JSON: rows, or one object per series and metric with parallel arrays. */
final class TelemetryJson {

  private TelemetryJson() {}

  static StreamingOutput rows(List<TelemetryRow> rows) {
    return out -> {
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      Timestamps times = new Timestamps();
      // a series' identity and a metric's name are the same text on every row: written once, reused
      Map<Long, String> identities = new HashMap<>();
      Map<String, String> names = new HashMap<>();
      Map<Long, String> labels = new HashMap<>();
      w.write('[');
      for (int i = 0; i < rows.size(); i++) {
        TelemetryRow r = rows.get(i);
        if (i > 0) {
          w.write(',');
        }
        w.write("{\"timestamp\":\"");
        w.write(times.format(r.timestamp()));
        w.write("\",\"metric_name\":");
        w.write(names.computeIfAbsent(r.metricName(), TelemetryJson::quoted));
        w.write(identities.computeIfAbsent(r.seriesId(), id -> identityText(r)));
        w.write(",\"value\":");
        number(w, r.value());
        w.write(labels.computeIfAbsent(r.seriesId(), id -> ",\"labels_raw\":" + (r.labelsJson() == null ? "{}" : r.labelsJson())));
        w.write('}');
      }
      w.write(']');
      w.flush();
    };
  }

  static StreamingOutput series(List<TelemetryRow> rows) {
    Map<String, List<TelemetryRow>> groups = new LinkedHashMap<>();
    for (TelemetryRow r : rows) {
      groups.computeIfAbsent(r.seriesId() + "/" + r.metricName(), k -> new ArrayList<>()).add(r);
    }
    return out -> {
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      Timestamps times = new Timestamps();
      w.write('[');
      boolean first = true;
      for (List<TelemetryRow> g : groups.values()) {
        if (!first) {
          w.write(',');
        }
        first = false;
        TelemetryRow head = g.get(0);
        w.write("{\"metric_name\":");
        string(w, head.metricName());
        identity(w, head, true);
        w.write(",\"labels_raw\":");
        w.write(head.labelsJson() == null ? "{}" : head.labelsJson());
        w.write(",\"timestamps\":[");
        for (int i = 0; i < g.size(); i++) {
          if (i > 0) {
            w.write(',');
          }
          w.write('"');
          w.write(times.format(g.get(i).timestamp()));
          w.write('"');
        }
        w.write("],\"values\":[");
        for (int i = 0; i < g.size(); i++) {
          if (i > 0) {
            w.write(',');
          }
          number(w, g.get(i).value());
        }
        w.write("]}");
      }
      w.write(']');
      w.flush();
    };
  }

  private static String quoted(String s) {
    StringWriter w = new StringWriter(s.length() + 2);
    try {
      string(w, s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** The row's series fields, from {@code ,"gpu_id"} to {@code slurm_job}. */
  private static String identityText(TelemetryRow r) {
    StringWriter w = new StringWriter(256);
    try {
      identity(w, r, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static void identity(Writer w, TelemetryRow r, boolean all) throws IOException {
    w.write(",\"gpu_id\":");
    w.write(Integer.toString(r.gpuId()));
    field(w, "device", r.device());
    field(w, "uuid", r.uuid());
    field(w, "model_name", r.modelName());
    field(w, "hostname", r.hostname());
    if (all) {
      field(w, "container", r.container());
      field(w, "pod", r.pod());
      field(w, "namespace", r.namespace());
      field(w, "slurm_job", r.slurmJob());
    }
  }

  private static void field(Writer w, String name, String value) throws IOException {
    if (value == null) {
      return;
    }
    w.write(",\"");
    w.write(name);
    w.write("\":");
    string(w, value);
  }

  static void number(Writer w, double v) throws IOException {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      w.write(Long.toString((long) v));
    } else {
      w.write(Double.toString(v));
    }
  }

  static void string(Writer w, String s) throws IOException {
    w.write('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> w.write("\\\"");
        case '\\' -> w.write("\\\\");
        case '\n' -> w.write("\\n");
        case '\r' -> w.write("\\r");
        case '\t' -> w.write("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            w.write(String.format("\\u%04x", (int) c));
          } else {
            w.write(c);
          }
        }
      }
    }
    w.write('"');
  }

  /** RFC 3339 formatting that reuses the text of the previous second (samples come in time order). */
  private static final class Timestamps {
    private long second = Long.MIN_VALUE;
    private String prefix;
    private Instant last;
    private String lastText;

    String format(Instant t) {
      if (t.equals(last)) {
        return lastText;
      }
      String text;
      if (t.getEpochSecond() == second && prefix != null) {
        text = t.getNano() == 0 ? prefix + "Z" : prefix + fraction(t.getNano()) + "Z";
      } else {
        text = DateTimeFormatter.ISO_INSTANT.format(t);
        second = t.getEpochSecond();
        String whole = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(second));
        prefix = whole.substring(0, whole.length() - 1);
      }
      last = t;
      lastText = text;
      return text;
    }

    private static String fraction(int nanos) {
      String digits = String.format("%09d", nanos);
      int end = digits.length();
      while (end > 3 && digits.charAt(end - 1) == '0') {
        end--;
      }
      // ISO_INSTANT prints 3, 6 or 9 digits
      end = end <= 3 ? 3 : end <= 6 ? 6 : 9;
      return "." + digits.substring(0, end);
    }
  }
}

package io.argus.telemetry.control;

import io.argus.telemetry.entity.Attribution;
import io.argus.telemetry.entity.GpuInventoryEntry;
import io.argus.telemetry.entity.HostInventoryEntry;
import io.argus.telemetry.entity.SampleRow;
import io.argus.telemetry.entity.SeriesKey;
import io.argus.telemetry.entity.Subject;
import io.argus.telemetry.entity.TelemetryBatch;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The binary form of a {@link TelemetryBatch} in a spill file and on the push path from a collector
 * to an API node: series keys and metric names once each, then the rows as references to them.
 * Version 2 adds the reporting node to each series key; version 1 files (from before) still read.
 */
final class SpillCodec {

  private static final int MAGIC_V1 = 0x41524731; // "ARG1"
  private static final int MAGIC = 0x41524732; // "ARG2"
  /** No count in a well-formed batch comes near this; a larger one is a damaged or hostile body. */
  private static final int MAX_COUNT = 10_000_000;

  private SpillCodec() {}

  static void write(DataOutputStream out, TelemetryBatch batch) throws IOException {
    out.writeInt(MAGIC);
    out.writeLong(batch.seenAt().getEpochSecond());
    out.writeInt(batch.seenAt().getNano());
    out.writeInt(batch.gpus().size());
    for (GpuInventoryEntry g : batch.gpus()) {
      str(out, g.uuid());
      out.writeInt(g.index());
      str(out, g.device());
      str(out, g.modelName());
      str(out, g.hostname());
      str(out, g.pciBusId());
      str(out, g.driverVersion());
      num(out, g.memoryTotalBytes());
      str(out, g.migParentUuid());
      str(out, g.migProfile());
    }
    out.writeInt(batch.hosts().size());
    for (HostInventoryEntry h : batch.hosts()) {
      str(out, h.nodeId());
      str(out, h.hostname());
      str(out, h.os());
      str(out, h.cpuModel());
      num(out, h.cpuCores() == null ? null : h.cpuCores().longValue());
      num(out, h.cpuThreads() == null ? null : h.cpuThreads().longValue());
      num(out, h.memoryTotalBytes());
    }
    Map<SeriesKey, Integer> keys = new HashMap<>();
    Map<String, Integer> metrics = new HashMap<>();
    List<SeriesKey> keyList = new ArrayList<>();
    List<String> metricList = new ArrayList<>();
    for (SampleRow r : batch.rows()) {
      if (keys.putIfAbsent(r.series(), keys.size()) == null) {
        keyList.add(r.series());
      }
      if (metrics.putIfAbsent(r.metric(), metrics.size()) == null) {
        metricList.add(r.metric());
      }
    }
    out.writeInt(keyList.size());
    for (SeriesKey k : keyList) {
      if (k.subject() instanceof Subject.Gpu g) {
        out.writeByte('G');
        out.writeUTF(g.uuid());
      } else {
        out.writeByte('H');
        out.writeUTF(((Subject.Host) k.subject()).nodeId());
      }
      Attribution a = k.attribution();
      out.writeUTF(a.container());
      out.writeUTF(a.pod());
      out.writeUTF(a.namespace());
      out.writeUTF(a.slurmJob());
      out.writeInt(k.labels().size());
      for (Map.Entry<String, String> e : k.labels().entrySet()) {
        out.writeUTF(e.getKey());
        out.writeUTF(e.getValue());
      }
      out.writeUTF(k.node());
    }
    out.writeInt(metricList.size());
    for (String m : metricList) {
      out.writeUTF(m);
    }
    out.writeInt(batch.rows().size());
    for (SampleRow r : batch.rows()) {
      out.writeInt(keys.get(r.series()));
      out.writeInt(metrics.get(r.metric()));
      out.writeLong(r.time().getEpochSecond());
      out.writeInt(r.time().getNano());
      out.writeDouble(r.value());
    }
  }

  static TelemetryBatch read(DataInputStream in) throws IOException {
    int magic = in.readInt();
    if (magic != MAGIC && magic != MAGIC_V1) {
      throw new IOException("not an Argus telemetry batch of a known version");
    }
    Instant seen = Instant.ofEpochSecond(in.readLong(), in.readInt());
    int gpuCount = count(in);
    List<GpuInventoryEntry> gpus = new ArrayList<>(Math.min(gpuCount, 1024));
    for (int i = 0; i < gpuCount; i++) {
      gpus.add(new GpuInventoryEntry(str(in), in.readInt(), str(in), str(in), str(in), str(in), str(in), num(in),
          str(in), str(in)));
    }
    int hostCount = count(in);
    List<HostInventoryEntry> hosts = new ArrayList<>(Math.min(hostCount, 1024));
    for (int i = 0; i < hostCount; i++) {
      String nodeId = str(in);
      String hostname = str(in);
      String os = str(in);
      String cpu = str(in);
      Long cores = num(in);
      Long threads = num(in);
      hosts.add(new HostInventoryEntry(nodeId, hostname, os, cpu, cores == null ? null : cores.intValue(),
          threads == null ? null : threads.intValue(), num(in)));
    }
    int keyCount = count(in);
    List<SeriesKey> keys = new ArrayList<>(Math.min(keyCount, 1024));
    for (int i = 0; i < keyCount; i++) {
      byte type = in.readByte();
      String id = in.readUTF();
      Subject subject = type == 'G' ? new Subject.Gpu(id) : new Subject.Host(id);
      Attribution a = new Attribution(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF());
      int labelCount = count(in);
      TreeMap<String, String> labels = new TreeMap<>();
      for (int j = 0; j < labelCount; j++) {
        labels.put(in.readUTF(), in.readUTF());
      }
      keys.add(new SeriesKey(subject, a, labels, magic == MAGIC ? in.readUTF() : ""));
    }
    int metricCount = count(in);
    List<String> metrics = new ArrayList<>(Math.min(metricCount, 1024));
    for (int i = 0; i < metricCount; i++) {
      metrics.add(in.readUTF());
    }
    int rowCount = count(in);
    List<SampleRow> rows = new ArrayList<>(Math.min(rowCount, 65536));
    for (int i = 0; i < rowCount; i++) {
      SeriesKey key = keys.get(in.readInt());
      String metric = metrics.get(in.readInt());
      Instant t = Instant.ofEpochSecond(in.readLong(), in.readInt());
      rows.add(new SampleRow(t, key, metric, in.readDouble()));
    }
    return new TelemetryBatch(rows, gpus, hosts, seen);
  }

  private static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_COUNT) {
      throw new IOException("count " + n + " out of range");
    }
    return n;
  }

  private static void str(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  private static String str(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  private static void num(DataOutputStream out, Long v) throws IOException {
    out.writeBoolean(v != null);
    if (v != null) {
      out.writeLong(v);
    }
  }

  private static Long num(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readLong() : null;
  }
}

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
 * The binary form of a {@link TelemetryBatch} in a spill file: series keys and metric names once
 * each, then the rows as references to them.
 */
final class SpillCodec {

  private static final int MAGIC = 0x41524731; // "ARG1"

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
    if (in.readInt() != MAGIC) {
      throw new IOException("not a spill file of this version");
    }
    Instant seen = Instant.ofEpochSecond(in.readLong(), in.readInt());
    int gpuCount = in.readInt();
    List<GpuInventoryEntry> gpus = new ArrayList<>(gpuCount);
    for (int i = 0; i < gpuCount; i++) {
      gpus.add(new GpuInventoryEntry(str(in), in.readInt(), str(in), str(in), str(in), str(in), str(in), num(in),
          str(in), str(in)));
    }
    int hostCount = in.readInt();
    List<HostInventoryEntry> hosts = new ArrayList<>(hostCount);
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
    int keyCount = in.readInt();
    List<SeriesKey> keys = new ArrayList<>(keyCount);
    for (int i = 0; i < keyCount; i++) {
      byte type = in.readByte();
      String id = in.readUTF();
      Subject subject = type == 'G' ? new Subject.Gpu(id) : new Subject.Host(id);
      Attribution a = new Attribution(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF());
      int labelCount = in.readInt();
      TreeMap<String, String> labels = new TreeMap<>();
      for (int j = 0; j < labelCount; j++) {
        labels.put(in.readUTF(), in.readUTF());
      }
      keys.add(new SeriesKey(subject, a, labels));
    }
    int metricCount = in.readInt();
    List<String> metrics = new ArrayList<>(metricCount);
    for (int i = 0; i < metricCount; i++) {
      metrics.add(in.readUTF());
    }
    int rowCount = in.readInt();
    List<SampleRow> rows = new ArrayList<>(rowCount);
    for (int i = 0; i < rowCount; i++) {
      SeriesKey key = keys.get(in.readInt());
      String metric = metrics.get(in.readInt());
      Instant t = Instant.ofEpochSecond(in.readLong(), in.readInt());
      rows.add(new SampleRow(t, key, metric, in.readDouble()));
    }
    return new TelemetryBatch(rows, gpus, hosts, seen);
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

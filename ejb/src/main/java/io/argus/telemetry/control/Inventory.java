package io.argus.telemetry.control;

import io.argus.platform.control.DatabaseSettings.Vendor;
import io.argus.platform.control.Rfc3339;
import io.argus.telemetry.entity.GpuInventoryEntry;
import io.argus.telemetry.entity.HostInventoryEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/**
 * The GPUs and hosts the store knows: upserted as they are seen (first seen kept, last seen moved
 * forward, known details never overwritten by unknown ones).
 */
public final class Inventory {

  private final StoreDialect dialect;

  public Inventory(Vendor vendor) {
    this.dialect = new StoreDialect(vendor);
  }

  private static final String GPU_COLUMNS =
      "uuid, gpu_index, device, model_name, hostname, pci_bus_id, driver_version, memory_total_bytes,"
          + " mig_parent_uuid, mig_profile, first_seen, last_seen";

  /** Records that this GPU was seen at this time; returns its row id. */
  public long upsertGpu(Connection c, GpuInventoryEntry g, Instant seen) throws SQLException {
    String update = "UPDATE gpu SET gpu_index = ?, device = COALESCE(?, device), model_name = COALESCE(?, model_name),"
        + " hostname = ?, pci_bus_id = COALESCE(?, pci_bus_id), driver_version = COALESCE(?, driver_version),"
        + " memory_total_bytes = COALESCE(?, memory_total_bytes), mig_parent_uuid = COALESCE(?, mig_parent_uuid),"
        + " mig_profile = COALESCE(?, mig_profile), last_seen = GREATEST(last_seen, ?) WHERE uuid = ?";
    try (PreparedStatement ps = c.prepareStatement(update)) {
      int i = 1;
      ps.setInt(i++, g.index());
      ps.setString(i++, g.device());
      ps.setString(i++, g.modelName());
      ps.setString(i++, g.hostname());
      ps.setString(i++, g.pciBusId());
      ps.setString(i++, g.driverVersion());
      setLong(ps, i++, g.memoryTotalBytes());
      ps.setString(i++, g.migParentUuid());
      ps.setString(i++, g.migProfile());
      ps.setObject(i++, Rfc3339.utc(seen));
      ps.setString(i, g.uuid());
      if (ps.executeUpdate() == 0) {
        insertGpu(c, g, seen);
      }
    }
    return idOf(c, "SELECT id FROM gpu WHERE uuid = ?", g.uuid()).orElseThrow();
  }

  private void insertGpu(Connection c, GpuInventoryEntry g, Instant seen) throws SQLException {
    String insert = "INSERT INTO gpu (" + GPU_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + (dialect.postgres() ? " ON CONFLICT (uuid) DO NOTHING" : "");
    try (PreparedStatement ps = c.prepareStatement(insert)) {
      int i = 1;
      ps.setString(i++, g.uuid());
      ps.setInt(i++, g.index());
      ps.setString(i++, g.device());
      ps.setString(i++, g.modelName());
      ps.setString(i++, g.hostname());
      ps.setString(i++, g.pciBusId());
      ps.setString(i++, g.driverVersion());
      setLong(ps, i++, g.memoryTotalBytes());
      ps.setString(i++, g.migParentUuid());
      ps.setString(i++, g.migProfile());
      ps.setObject(i++, Rfc3339.utc(seen));
      ps.setObject(i, Rfc3339.utc(seen));
      ps.executeUpdate();
    }
  }

  /** Records that this host was seen at this time; returns its row id. */
  public long upsertHost(Connection c, HostInventoryEntry h, Instant seen) throws SQLException {
    String update = "UPDATE host SET hostname = ?, os = COALESCE(?, os), cpu_model = COALESCE(?, cpu_model),"
        + " cpu_cores = COALESCE(?, cpu_cores), cpu_threads = COALESCE(?, cpu_threads),"
        + " memory_total_bytes = COALESCE(?, memory_total_bytes), last_seen = GREATEST(last_seen, ?) WHERE node_id = ?";
    try (PreparedStatement ps = c.prepareStatement(update)) {
      int i = 1;
      ps.setString(i++, h.hostname());
      ps.setString(i++, h.os());
      ps.setString(i++, h.cpuModel());
      setInt(ps, i++, h.cpuCores());
      setInt(ps, i++, h.cpuThreads());
      setLong(ps, i++, h.memoryTotalBytes());
      ps.setObject(i++, Rfc3339.utc(seen));
      ps.setString(i, h.nodeId());
      if (ps.executeUpdate() == 0) {
        String insert = "INSERT INTO host (node_id, hostname, os, cpu_model, cpu_cores, cpu_threads, memory_total_bytes,"
            + " first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + (dialect.postgres() ? " ON CONFLICT (node_id) DO NOTHING" : "");
        try (PreparedStatement in = c.prepareStatement(insert)) {
          int j = 1;
          in.setString(j++, h.nodeId());
          in.setString(j++, h.hostname());
          in.setString(j++, h.os());
          in.setString(j++, h.cpuModel());
          setInt(in, j++, h.cpuCores());
          setInt(in, j++, h.cpuThreads());
          setLong(in, j++, h.memoryTotalBytes());
          in.setObject(j++, Rfc3339.utc(seen));
          in.setObject(j, Rfc3339.utc(seen));
          in.executeUpdate();
        }
      }
    }
    return idOf(c, "SELECT id FROM host WHERE node_id = ?", h.nodeId()).orElseThrow();
  }

  Optional<Long> gpuId(Connection c, String uuid) throws SQLException {
    return idOf(c, "SELECT id FROM gpu WHERE uuid = ?", uuid);
  }

  Optional<Long> hostId(Connection c, String nodeId) throws SQLException {
    return idOf(c, "SELECT id FROM host WHERE node_id = ?", nodeId);
  }

  private static Optional<Long> idOf(Connection c, String sql, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, v);
    }
  }

  private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setInt(i, v);
    }
  }
}

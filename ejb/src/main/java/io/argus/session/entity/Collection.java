package io.argus.session.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One collect call of a session: the window and step it read, and the files it wrote. */
@Entity(name = "SessionCollection")
@Table(name = "collection")
public class Collection {

  @Id
  @SequenceGenerator(name = "collection_seq", sequenceName = "collection_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "collection_seq")
  private Long id;

  @Column(name = "session_id", nullable = false, length = 64)
  private String sessionId;

  @Column(name = "run_id", nullable = false, length = 64)
  private String runId;

  @Column(name = "window_start", nullable = false)
  private OffsetDateTime windowStart;

  @Column(name = "window_end", nullable = false)
  private OffsetDateTime windowEnd;

  @Column(name = "step_ms", nullable = false)
  private long stepMillis;

  @Column(name = "out_dir", nullable = false, length = 4096)
  private String outDir;

  @Column(name = "series_count", nullable = false)
  private int seriesCount;

  @Column(name = "row_count", nullable = false)
  private long rowCount;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "collection_artifact", joinColumns = @JoinColumn(name = "collection_id"))
  @OrderBy("name")
  private List<Artifact> artifacts = new ArrayList<>();

  protected Collection() {}

  public Collection(
      String sessionId,
      String runId,
      OffsetDateTime windowStart,
      OffsetDateTime windowEnd,
      Duration step,
      Path outDir,
      int seriesCount,
      long rowCount,
      List<Artifact> artifacts,
      OffsetDateTime now) {
    this.sessionId = sessionId;
    this.runId = runId;
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.stepMillis = step.toMillis();
    this.outDir = outDir.toString();
    this.seriesCount = seriesCount;
    this.rowCount = rowCount;
    this.artifacts = new ArrayList<>(artifacts);
    this.createdAt = now;
  }

  public long id() {
    return id;
  }

  public String sessionId() {
    return sessionId;
  }

  public String runId() {
    return runId;
  }

  public OffsetDateTime windowStart() {
    return windowStart;
  }

  public OffsetDateTime windowEnd() {
    return windowEnd;
  }

  public Duration step() {
    return Duration.ofMillis(stepMillis);
  }

  public Path outDir() {
    return Path.of(outDir);
  }

  public int seriesCount() {
    return seriesCount;
  }

  public long rowCount() {
    return rowCount;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public List<Artifact> artifacts() {
    return List.copyOf(artifacts);
  }

  public Optional<Artifact> artifact(String name) {
    return artifacts.stream().filter(a -> a.name().equals(name)).findFirst();
  }
}

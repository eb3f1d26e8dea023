package io.argus.session.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.nio.file.Path;
import java.util.Optional;

/** One file a collection wrote: where, how big, its SHA-256, and how many data rows it holds. */
@Embeddable
public class Artifact {

  @Column(nullable = false, length = 32)
  private String name;

  @Column(nullable = false, length = 4096)
  private String path;

  @Column(name = "media_type", nullable = false, length = 64)
  private String mediaType;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(name = "row_count")
  private Long rows;

  protected Artifact() {}

  public Artifact(String name, Path path, String mediaType, long sizeBytes, String sha256, Long rows) {
    this.name = name;
    this.path = path.toString();
    this.mediaType = mediaType;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
    this.rows = rows;
  }

  public String name() {
    return name;
  }

  public Path path() {
    return Path.of(path);
  }

  public String mediaType() {
    return mediaType;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public String sha256() {
    return sha256;
  }

  public Optional<Long> rows() {
    return Optional.ofNullable(rows);
  }
}

package io.argus.session.boundary;

import io.argus.session.entity.Artifact;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One file of a collection. */
@Schema(name = "CollectionArtifact", description = "A file a collection wrote, with its size and SHA-256")
public record ArtifactView(
    @Schema(enumeration = {"csv", "json", "tables", "manifest"}) String name,
    String path,
    @Schema(example = "text/csv") String mediaType,
    long sizeBytes,
    String sha256,
    @Schema(description = "Data rows (absent for the manifest)") Long rows) {

  static ArtifactView of(Artifact a) {
    return new ArtifactView(a.name(), a.path().toString(), a.mediaType(), a.sizeBytes(), a.sha256(), a.rows().orElse(null));
  }
}

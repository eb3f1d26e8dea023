package io.argus.session.boundary;

import io.argus.session.entity.Artifact;
import io.argus.session.entity.Collection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A collection: the contract's {@code artifacts} map plus what it read and wrote. */
@Schema(name = "CollectionResponse", description = "Response for metrics collection (and one collection of a session).",
    requiredProperties = {"artifacts"})
public record CollectionResponse(
    @Schema(description = "Artifact name (csv, json, tables = the summary row, manifest) to file path") Map<String, String> artifacts,
    long collectionId,
    String sessionId,
    String runId,
    Instant windowStart,
    Instant windowEnd,
    @Schema(description = "Range-query step in seconds") BigDecimal stepSeconds,
    int seriesCount,
    long rowCount,
    String outDir,
    Instant createdAt,
    List<ArtifactView> files) {

  static CollectionResponse of(Collection c) {
    var artifacts = new LinkedHashMap<String, String>();
    for (Artifact a : c.artifacts()) {
      artifacts.put(a.name(), a.path().toString());
    }
    return new CollectionResponse(artifacts, c.id(), c.sessionId(), c.runId(), c.windowStart().toInstant(), c.windowEnd().toInstant(),
        BigDecimal.valueOf(c.step().toMillis(), 3).stripTrailingZeros(), c.seriesCount(), c.rowCount(), c.outDir().toString(),
        c.createdAt().toInstant(), c.artifacts().stream().map(ArtifactView::of).toList());
  }
}

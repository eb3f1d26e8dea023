package io.argus.session.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.platform.control.DependencyUnavailable;
import io.argus.session.entity.Artifact;
import io.argus.session.entity.RangeSeries;
import io.argus.session.entity.TelemetryImport;
import io.argus.session.entity.TimeWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsTest {

  @Test
  void theFirstNodeOfANodeList() {
    assertThat(Sessions.firstNode("node01")).isEqualTo("node01");
    assertThat(Sessions.firstNode("mel[2153-2155]")).isEqualTo("mel2153");
    assertThat(Sessions.firstNode("gpu[07,09]")).isEqualTo("gpu07");
  }

  private static ArtifactWriter.Collected collected() {
    Instant t0 = Instant.parse("2026-11-24T08:00:00Z");
    var series = List.of(new RangeSeries(Map.of("__name__", "DCGM_FI_DEV_GPU_TEMP", "gpu", "0", "UUID", "GPU-1", "Hostname", "n1"),
        new long[] {t0.toEpochMilli()}, new String[] {"61"}));
    return new ArtifactWriter.Collected("s1", "run", new TimeWindow(t0, t0.plusSeconds(10)), Duration.ofSeconds(1), series, Map.of(),
        t0.plusSeconds(11));
  }

  @Test
  void anImportTheStoreRefusesLeavesTheArtifactsWrittenAndTheManifestSaysSo(@TempDir Path dir) throws Exception {
    Sessions.Written written = Sessions.writeArtifacts(dir, collected(), Optional.of(() -> {
      assertThat(dir.resolve("metrics.csv")).as("data files first").exists();
      assertThat(dir.resolve("MANIFEST.json")).as("the manifest after the import").doesNotExist();
      throw new DependencyUnavailable("Database", "The batch was not stored (nothing of it was): Connection refused");
    }));

    assertThat(written.imported()).isEmpty();
    assertThat(written.importFailure()).hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(503));
    assertThat(written.artifacts()).extracting(Artifact::name).containsExactly("csv", "json", "tables", "manifest");
    assertThat(written.artifacts()).allSatisfy(a -> assertThat(a.path()).exists());
    assertThat(Files.readString(dir.resolve("MANIFEST.json")))
        .contains("\"import\": {\"failed\": \"The batch was not stored (nothing of it was): Connection refused\", \"samples_stored\": 0}");
  }

  @Test
  void anImportThatIsNotAskedForIsNotRunAndAStoredOneIsInTheManifest(@TempDir Path dir) throws Exception {
    Sessions.Written none = Sessions.writeArtifacts(dir.resolve("a"), collected(), Optional.empty());
    assertThat(none.imported()).isEmpty();
    assertThat(none.importFailure()).isEmpty();
    assertThat(Files.readString(dir.resolve("a/MANIFEST.json"))).doesNotContain("import");

    Sessions.Written done = Sessions.writeArtifacts(dir.resolve("b"), collected(), Optional.of(() -> new TelemetryImport(1, 1, 0, 0)));
    assertThat(done.imported()).contains(new TelemetryImport(1, 1, 0, 0));
    assertThat(Files.readString(dir.resolve("b/MANIFEST.json"))).contains("\"series_imported\": 1, \"samples_stored\": 1");
  }

  @Test
  void insideFollowsSymbolicLinksOfThePartThatExists(@TempDir Path dir) throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.createSymbolicLink(root.resolve("link"), outside);
    assertThat(Sessions.inside(root, root.resolve("a/b"))).isTrue();
    assertThat(Sessions.inside(root, root.resolve("link/new"))).isFalse();
    assertThat(Sessions.inside(root, dir.resolve("root-sibling"))).isFalse();
  }
}

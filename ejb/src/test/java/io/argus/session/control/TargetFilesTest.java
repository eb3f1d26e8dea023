package io.argus.session.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.session.entity.SessionLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetFilesTest {

  @TempDir Path dir;

  private Stream<Path> everything() throws Exception {
    return Files.walk(dir).filter(Files::isRegularFile);
  }

  @Test
  void registeringWritesOneFilePerKindAndLeavesNoTemporaryFiles() throws Exception {
    var layout = new SessionLayout("s1", dir);
    var files = new TargetFiles(layout);
    files.prepare();
    files.register(SessionValidator.client("c1", "gpu01", Map.of(), Map.of("enable_dcgm", false)));
    files.register(SessionValidator.service("c1", "vllm", "http://gpu01:8000/metrics", Map.of()));

    assertThat(everything().map(p -> dir.relativize(p).toString()))
        .containsExactlyInAnyOrder("targets/node/c1.json", "targets/dcgm/c1.json", "targets/services/c1.vllm.json");
    assertThat(Files.readString(layout.targetsDirectory("node").resolve("c1.json"))).contains("\"gpu01:9100\"");
    assertThat(Files.readString(layout.targetsDirectory("dcgm").resolve("c1.json"))).isEqualTo("[]\n");
    assertThat(Files.getPosixFilePermissions(layout.targetsDirectory("node").resolve("c1.json")))
        .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
  }

  @Test
  void reRegisteringReplacesAndUnregisteringRemoves() throws Exception {
    var layout = new SessionLayout("s1", dir);
    var files = new TargetFiles(layout);
    files.register(SessionValidator.client("c1", "gpu01", Map.of(), Map.of()));
    files.register(SessionValidator.client("c1", "gpu01", Map.of(), Map.of("enable_node", false)));
    assertThat(Files.readString(layout.targetsDirectory("node").resolve("c1.json"))).isEqualTo("[]\n");
    assertThat(Files.readString(layout.targetsDirectory("dcgm").resolve("c1.json"))).contains("\"gpu01:9400\"");

    files.register(SessionValidator.service("c1", "triton", "http://gpu01:8002/metrics", Map.of()));
    files.unregisterService("c1", "triton");
    files.unregisterClient("c1");
    assertThat(everything()).isEmpty();
  }
}

package io.argus.security.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.security.entity.Caller;
import io.argus.security.entity.Role;
import jakarta.json.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditFileTest {

  @TempDir
  Path dir;

  @Test
  void concurrentWritersLeaveOneWholeJsonObjectPerLine() throws Exception {
    Path file = dir.resolve("nested/audit.log");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (AuditFile a = AuditFile.open(file); AuditFile b = AuditFile.open(file)) {
      Caller caller = Caller.apiKey("0f3a9c1e22b4", "ci", Role.OPERATOR);
      for (int i = 0; i < 400; i++) {
        AuditFile target = i % 2 == 0 ? a : b;
        String line = AuditLog.line(caller, "session.start", Map.of("session_id", "run-" + i + "-" + "x".repeat(i * 10)), 200, "10.0.0.7",
            Instant.EPOCH);
        pool.submit(() -> {
          target.append(line);
          return null;
        });
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(400);
    assertThat(lines.stream().map(l -> Json.createReader(new StringReader(l)).readObject().getJsonObject("target").getString("session_id"))
        .map(id -> id.substring(0, id.indexOf('-', 4)))).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 400).mapToObj(i -> "run-" + i).toList());
  }

  @Test
  void anExistingFileIsAppendedTo() throws Exception {
    Path file = dir.resolve("audit.log");
    Files.writeString(file, "{\"earlier\":true}\n");
    try (AuditFile f = AuditFile.open(file)) {
      f.append("{\"later\":true}");
    }
    assertThat(Files.readAllLines(file)).containsExactly("{\"earlier\":true}", "{\"later\":true}");
  }

  @Test
  void theOutcomeSaysWhyARequestWasTurnedAway() {
    assertThat(AuditLog.outcome(201)).isEqualTo("success");
    assertThat(AuditLog.outcome(401)).isEqualTo("unauthenticated");
    assertThat(AuditLog.outcome(403)).isEqualTo("refused");
    assertThat(AuditLog.outcome(429)).isEqualTo("refused");
    assertThat(AuditLog.outcome(409)).isEqualTo("failed");
  }

  @Test
  void theFileIsInTheDataDirectoryUnlessConfiguredOrTurnedOff() {
    assertThat(SecuritySettings.auditFile(Optional.empty(), Path.of("/srv/argus/data"))).contains(Path.of("/srv/argus/data/audit.log"));
    assertThat(SecuritySettings.auditFile(Optional.of("/var/log/argus/audit.jsonl"), Path.of("/srv/argus/data")))
        .contains(Path.of("/var/log/argus/audit.jsonl"));
    assertThat(SecuritySettings.auditFile(Optional.of("none"), Path.of("/srv/argus/data"))).isEmpty();
    assertThat(SecuritySettings.auditFile(Optional.of(" NONE "), Path.of("/srv/argus/data"))).isEmpty();
  }
}

package io.argus.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

  private static DatabaseSettings resolve(Map<String, String> config) {
    return DatabaseSettings.resolve(key -> Optional.ofNullable(config.get(key)));
  }

  @Test
  void noConfigurationMeansEmbeddedH2UnderDataInTheWorkingDirectory() {
    DatabaseSettings s = resolve(Map.of());
    assertThat(s.vendor()).isEqualTo(DatabaseSettings.Vendor.H2);
    assertThat(s.url()).startsWith("jdbc:h2:file:" + Path.of("data").toAbsolutePath().resolve("argus"));
    assertThat(s.url()).contains("DB_CLOSE_ON_EXIT=FALSE");
  }

  @Test
  void dataDirectoryMovesTheEmbeddedDatabase() {
    DatabaseSettings s = resolve(Map.of("argus.data.dir", "/var/lib/argus"));
    assertThat(s.url()).startsWith("jdbc:h2:file:/var/lib/argus/argus;");
  }

  @Test
  void aPostgresqlUrlSwitchesToPostgresqlWithItsCredentials() {
    DatabaseSettings s = resolve(Map.of(
        "argus.db.url", " jdbc:postgresql://db:5432/argus ", "argus.db.user", "argus", "argus.db.password", "s3cret"));
    assertThat(s.vendor()).isEqualTo(DatabaseSettings.Vendor.POSTGRESQL);
    assertThat(s.url()).isEqualTo("jdbc:postgresql://db:5432/argus");
    assertThat(s.user()).isEqualTo("argus");
    assertThat(s.password()).isEqualTo("s3cret");
  }

  @Test
  void aBlankUrlIsTheSameAsNone() {
    assertThat(resolve(Map.of("argus.db.url", "  ")).vendor()).isEqualTo(DatabaseSettings.Vendor.H2);
  }

  @Test
  void anUnsupportedDatabaseIsRefusedWithoutEchoingCredentials() {
    assertThatThrownBy(() -> resolve(Map.of("argus.db.url", "jdbc:mysql://db/argus?password=hunter2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:postgresql://")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void textFormsNeverShowThePasswordOrUrlParameters() {
    DatabaseSettings s = resolve(Map.of(
        "argus.db.url", "jdbc:postgresql://db/argus?password=hunter2", "argus.db.password", "s3cret"));
    assertThat(s.toString()).doesNotContain("s3cret").doesNotContain("hunter2");
    assertThat(s.redactedUrl()).isEqualTo("jdbc:postgresql://db/argus");
  }
}

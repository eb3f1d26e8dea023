package io.argus.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

  @ParameterizedTest
  @ValueSource(strings = {"abc-123", "0f8fad5b-d9cb-469f-a165-70867728950e", "trace:span/1", "Root=1-5759e988-bd862e3fe1be46a994272793"})
  void aSafeIdIsEchoed(String offered) {
    assertThat(RequestIds.accept(offered)).isEqualTo(offered);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"has space", "line\r\nbreak", "quote\"", "<script>", "ü"})
  void anythingElseIsReplacedByAFreshUuid(String offered) {
    String id = RequestIds.accept(offered);
    assertThat(UUID.fromString(id).toString()).isEqualTo(id);
  }

  @org.junit.jupiter.api.Test
  void anOverlongIdIsReplaced() {
    assertThat(RequestIds.accept("a".repeat(129))).hasSize(36);
    assertThat(RequestIds.accept("a".repeat(128))).hasSize(128);
  }
}

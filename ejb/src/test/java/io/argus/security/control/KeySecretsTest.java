package io.argus.security.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.security.entity.ApiKey;
import io.argus.security.entity.Role;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeySecretsTest {

  @Test
  void keysAre256RandomBitsAfterAPublicId() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String[] k = KeySecrets.generate();
      assertThat(k[1]).matches("argus_[0-9a-f]{12}_[A-Za-z0-9_-]{43}").startsWith("argus_" + k[0] + "_");
      assertThat(KeySecrets.idOf(k[1])).contains(k[0]);
      assertThat(seen.add(k[1])).isTrue();
    }
  }

  @Test
  void theHashIsSha256HexOfTheWholeKey() {
    // printf %s abc | sha256sum
    assertThat(KeySecrets.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(KeySecrets.sameHash(KeySecrets.sha256("a"), KeySecrets.sha256("a"))).isTrue();
    assertThat(KeySecrets.sameHash(KeySecrets.sha256("a"), KeySecrets.sha256("b"))).isFalse();
  }

  @Test
  void configuredKeysAreNameRoleHash() {
    String h = KeySecrets.sha256("secret-1");
    var keys = KeySecrets.parseConfigured("ci:operator:" + h + ", grafana:reader:" + h.toUpperCase());
    assertThat(keys).extracting(ApiKey::id).containsExactly("cfg-ci", "cfg-grafana");
    assertThat(keys).extracting(ApiKey::role).containsExactly(Role.OPERATOR, Role.READER);
    assertThat(keys.get(1).secretHash()).isEqualTo(h);
    assertThat(keys).allMatch(k -> k.source() == ApiKey.Source.CONFIGURED && k.active());
  }

  @Test
  void aBadConfiguredEntryNamesItsPositionButNeverItsHash() {
    String h = KeySecrets.sha256("x");
    assertThatThrownBy(() -> KeySecrets.parseConfigured("a:root:" + h)).hasMessageContaining("entry 1").hasMessageNotContaining(h);
    assertThatThrownBy(() -> KeySecrets.parseConfigured("a:admin:" + h + ",b:admin:xyz")).hasMessageContaining("entry 2");
    assertThatThrownBy(() -> KeySecrets.parseConfigured("a:admin")).hasMessageContaining("name:role:sha256hex");
    assertThatThrownBy(() -> KeySecrets.parseConfigured("../x:admin:" + h)).hasMessageContaining("name");
  }

  @Test
  void rolesIncludeTheOnesBelow() {
    assertThat(Role.ADMIN.grants()).containsExactlyInAnyOrder("admin", "operator", "reader");
    assertThat(Role.OPERATOR.grants()).containsExactlyInAnyOrder("operator", "reader");
    assertThat(Role.READER.grants()).containsExactly("reader");
  }
}

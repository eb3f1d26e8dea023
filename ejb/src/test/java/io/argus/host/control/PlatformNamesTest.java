package io.argus.host.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlatformNamesTest {

  @Test
  void platformUsesPythonSpelling() {
    assertThat(PlatformNames.platform("Linux")).isEqualTo("linux");
    assertThat(PlatformNames.platform("Mac OS X")).isEqualTo("darwin");
    assertThat(PlatformNames.platform("Windows Server 2022")).isEqualTo("windows");
    assertThat(PlatformNames.platform("FreeBSD")).isEqualTo("freebsd");
  }

  @Test
  void architectureUsesUnameSpelling() {
    assertThat(PlatformNames.architecture("amd64")).isEqualTo("x86_64");
    assertThat(PlatformNames.architecture("aarch64")).isEqualTo("aarch64");
    assertThat(PlatformNames.architecture("ppc64le")).isEqualTo("ppc64le");
  }
}

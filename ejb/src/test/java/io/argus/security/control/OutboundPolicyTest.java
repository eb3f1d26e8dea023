package io.argus.security.control;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.platform.control.InvalidParameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundPolicyTest {

  private final OutboundPolicy open = OutboundPolicy.of("");
  private final OutboundPolicy lab = OutboundPolicy.of("10.0.0.0/8, 127.0.0.1/32, ::1/128, fd00::/8");

  @ParameterizedTest
  @ValueSource(strings = {"169.254.169.254", "169.254.0.1", "[fe80::1]", "fe80::1%eth0", "0.0.0.0", "::", "224.0.0.1",
      "255.255.255.255", "::ffff:169.254.169.254", "2852039166", "0xa9fea9fe", "0251.0376.0251.0376", "169.254.169.254.",
      "10.1", "017700000001"})
  void linkLocalUnspecifiedMulticastAndDisguisedAddressesAreNeverReached(String host) {
    assertThatThrownBy(() -> open.check("url", host)).isInstanceOf(InvalidParameter.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"node-a", "127.0.0.1", "10.1.2.3", "[::1]", "dcgm.gpu.example"})
  void ordinaryHostsPassWithoutAnAllowList(String host) {
    assertThatCode(() -> open.check("url", host)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"192.168.1.1", "8.8.8.8", "[fe80::1]", "no-such-host.invalid"})
  void anAllowListKeepsRequestsInsideItsNetworks(String host) {
    assertThatThrownBy(() -> lab.check("url", host)).isInstanceOf(InvalidParameter.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.9.8.7", "127.0.0.1", "localhost", "[fd00::5]"})
  void addressesAndNamesInsideTheAllowListPass(String host) {
    assertThatCode(() -> lab.check("url", host)).doesNotThrowAnyException();
  }
}

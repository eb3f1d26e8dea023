package io.argus.host.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.host.entity.Ipv4Address;
import io.argus.host.entity.NetworkIo;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PrimaryAddressTest {

  private static NetworkIo nic(String name, Ipv4Address... addresses) {
    return new NetworkIo(name, Optional.empty(), List.of(addresses), OptionalLong.empty(), 0, 0, 0,
        0, 0, 0, OptionalLong.empty(), OptionalLong.empty(), OptionalDouble.empty(),
        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
  }

  @Test
  void prefersTheAddressOnTheDefaultGatewaysSubnet() {
    List<NetworkIo> nics = List.of(
        nic("lo", new Ipv4Address("127.0.0.1", 8)),
        nic("docker0", new Ipv4Address("172.17.0.1", 16)),
        nic("eth0", new Ipv4Address("192.0.2.2", 24)));

    assertThat(PrimaryAddress.choose(nics, Optional.of("192.0.2.1"))).hasValue("192.0.2.2");
  }

  @Test
  void fallsBackToTheFirstRoutableAddress() {
    List<NetworkIo> nics = List.of(
        nic("lo", new Ipv4Address("127.0.0.1", 8)),
        nic("eth1", new Ipv4Address("169.254.3.4", 16)),
        nic("eth0", new Ipv4Address("10.1.2.3", 8)));

    assertThat(PrimaryAddress.choose(nics, Optional.empty())).hasValue("10.1.2.3");
    assertThat(PrimaryAddress.choose(nics, Optional.of("192.168.0.1"))).hasValue("10.1.2.3");
  }

  @Test
  void loopbackOnlyMeansNoAddress() {
    assertThat(PrimaryAddress.choose(List.of(nic("lo", new Ipv4Address("127.0.0.1", 8))),
        Optional.of("127.0.0.2"))).isEmpty();
  }
}

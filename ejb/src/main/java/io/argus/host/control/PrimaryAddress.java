package io.argus.host.control;

import io.argus.host.entity.Ipv4Address;
import io.argus.host.entity.NetworkIo;
import java.util.List;
import java.util.Optional;

/** Picks the address other machines most likely reach this host on. */
final class PrimaryAddress {

  private PrimaryAddress() {}

  /**
   * The address on the default gateway's subnet, else the first routable one; loopback and
   * link-local addresses never qualify because no other host can use them.
   */
  static Optional<String> choose(List<NetworkIo> interfaces, Optional<String> defaultGateway) {
    Optional<Long> gateway = defaultGateway.flatMap(PrimaryAddress::toBits);
    Optional<String> firstRoutable = Optional.empty();
    for (NetworkIo nic : interfaces) {
      for (Ipv4Address address : nic.ipv4Addresses()) {
        Optional<Long> bits = toBits(address.address());
        if (bits.isEmpty() || isLoopbackOrLinkLocal(bits.get())) {
          continue;
        }
        if (gateway.isPresent() && sameSubnet(bits.get(), gateway.get(), address.prefixLength())) {
          return Optional.of(address.address());
        }
        if (firstRoutable.isEmpty()) {
          firstRoutable = Optional.of(address.address());
        }
      }
    }
    return firstRoutable;
  }

  private static boolean isLoopbackOrLinkLocal(long bits) {
    return (bits >>> 24) == 127 || (bits >>> 16) == ((169 << 8) | 254);
  }

  private static boolean sameSubnet(long a, long b, int prefixLength) {
    if (prefixLength <= 0 || prefixLength > 32) {
      return false;
    }
    long mask = (0xFFFF_FFFFL << (32 - prefixLength)) & 0xFFFF_FFFFL;
    return (a & mask) == (b & mask);
  }

  private static Optional<Long> toBits(String dotted) {
    String[] parts = dotted.trim().split("\\.");
    if (parts.length != 4) {
      return Optional.empty();
    }
    long bits = 0;
    for (String part : parts) {
      try {
        int octet = Integer.parseInt(part);
        if (octet < 0 || octet > 255) {
          return Optional.empty();
        }
        bits = (bits << 8) | octet;
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.of(bits);
  }
}

package io.argus.host.entity;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Counters of one network interface since boot, and per-second rates since the previous sample
 * (absent on the first sample, for a new interface, and when a counter went backwards).
 */
public record NetworkIo(
    String name,
    Optional<String> macAddress,
    List<Ipv4Address> ipv4Addresses,
    OptionalLong speedBitsPerSecond,
    long receivedBytes,
    long sentBytes,
    long receivedPackets,
    long sentPackets,
    long receiveErrors,
    long sendErrors,
    OptionalLong receiveDrops,
    OptionalLong sendDrops,
    OptionalDouble receivedBytesPerSecond,
    OptionalDouble sentBytesPerSecond,
    OptionalDouble receivedPacketsPerSecond,
    OptionalDouble sentPacketsPerSecond) {

  public NetworkIo {
    ipv4Addresses = List.copyOf(ipv4Addresses);
  }

  public NetworkIo withRates(OptionalDouble receivedBytesPerSecond,
      OptionalDouble sentBytesPerSecond, OptionalDouble receivedPacketsPerSecond,
      OptionalDouble sentPacketsPerSecond) {
    return new NetworkIo(name, macAddress, ipv4Addresses, speedBitsPerSecond, receivedBytes,
        sentBytes, receivedPackets, sentPackets, receiveErrors, sendErrors, receiveDrops, sendDrops,
        receivedBytesPerSecond, sentBytesPerSecond, receivedPacketsPerSecond,
        sentPacketsPerSecond);
  }
}

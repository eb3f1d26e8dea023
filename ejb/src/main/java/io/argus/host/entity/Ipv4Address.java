package io.argus.host.entity;

/** An IPv4 address of an interface with the prefix length of its subnet. */
public record Ipv4Address(String address, int prefixLength) {}

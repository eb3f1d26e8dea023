package io.argus.session.entity;

/** A scrape target address; IPv6 literals are kept without brackets and bracketed on output. */
public record HostPort(String host, int port) {

  public HostPort {
    if (host == null || host.isBlank() || port < 1 || port > 65_535) {
      throw new IllegalArgumentException("a target needs a host and a port in 1..65535");
    }
  }

  /** The {@code host:port} form Prometheus expects in {@code targets}. */
  public String target() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return target();
  }
}

package io.argus.security.control;

import io.argus.platform.control.InvalidParameter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Where Argus (and the Prometheus servers it starts) may be sent to fetch metrics. Never to a
 * link-local address (cloud metadata services live at 169.254.169.254), the unspecified address,
 * multicast or broadcast, nor to a host written as a disguised number; with
 * {@code argus.security.outbound.allowed-networks} set, only into those networks (host names are
 * resolved and every address must be inside).
 */
public final class OutboundPolicy {

  public static final String KEY = "argus.security.outbound.allowed-networks";
  private static final Logger LOG = Logger.getLogger(OutboundPolicy.class.getName());
  private static final List<Cidr> FORBIDDEN = List.of(
      Cidr.parse("0.0.0.0/8"), Cidr.parse("169.254.0.0/16"), Cidr.parse("224.0.0.0/4"), Cidr.parse("255.255.255.255/32"),
      Cidr.parse("::/128"), Cidr.parse("fe80::/10"), Cidr.parse("ff00::/8"));
  private static volatile OutboundPolicy current;

  private final List<Cidr> allowed;

  public OutboundPolicy(List<Cidr> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  public static OutboundPolicy of(String networks) {
    if (networks == null || networks.isBlank()) {
      return new OutboundPolicy(List.of());
    }
    return new OutboundPolicy(Arrays.stream(networks.trim().split("[,\\s]+")).map(Cidr::parse).toList());
  }

  /** The policy of this deployment, read once from MicroProfile Config (none outside a server). */
  public static OutboundPolicy current() {
    OutboundPolicy p = current;
    if (p == null) {
      String networks = null;
      try {
        networks = org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue(KEY, String.class).orElse(null);
      } catch (RuntimeException | LinkageError noConfig) {
        LOG.fine("No MicroProfile Config; outbound allow-list off");
      }
      p = of(networks);
      current = p;
    }
    return p;
  }

  public boolean restricted() {
    return !allowed.isEmpty();
  }

  /**
   * Refuses a host an outbound request must not go to, as a 400 naming {@code field}.
   *
   * @param host as in a URL: a name, an IPv4 literal or an IPv6 literal with or without brackets
   */
  public void check(String field, String host) {
    if (Hosts.isNumericLookalike(host)) {
      throw new InvalidParameter(field, field + " has a host written as a number ('" + host + "'); use a name or a dotted IPv4 address");
    }
    Optional<InetAddress> literal = Hosts.literal(host);
    if (literal.isPresent()) {
      checkAddress(field, literal.get());
      return;
    }
    if (restricted()) {
      InetAddress[] addresses;
      try {
        addresses = InetAddress.getAllByName(host);
      } catch (UnknownHostException e) {
        throw new InvalidParameter(field, field + " names host '" + host + "', which does not resolve; outbound requests are limited to "
            + KEY + ", so the host must resolve");
      }
      for (InetAddress a : addresses) {
        checkAddress(field, a);
      }
    }
  }

  /** Resolves a host now and checks every address: for the moment just before a connection. */
  public void checkResolved(String field, String host) throws UnknownHostException {
    check(field, host);
    if (Hosts.literal(host).isEmpty()) {
      for (InetAddress a : InetAddress.getAllByName(host)) {
        checkAddress(field, a);
      }
    }
  }

  private void checkAddress(String field, InetAddress a) {
    if (a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress() || FORBIDDEN.stream().anyMatch(c -> c.contains(a))) {
      throw new InvalidParameter(field, field + " points at " + a.getHostAddress()
          + ", a link-local, unspecified, multicast or broadcast address; Argus does not send requests there");
    }
    if (restricted() && allowed.stream().noneMatch(c -> c.contains(a))) {
      throw new InvalidParameter(field, field + " points at " + a.getHostAddress() + ", outside the networks allowed by " + KEY);
    }
  }
}

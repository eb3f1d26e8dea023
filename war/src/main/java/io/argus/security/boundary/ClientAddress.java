package io.argus.security.boundary;

import io.argus.security.control.Cidr;
import io.argus.security.control.Hosts;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The client's address: the connection's remote address, unless that is a trusted proxy
 * ({@code argus.security.trusted-proxies}); then the nearest untrusted hop of X-Forwarded-For.
 * Without trusted proxies the header is ignored: anyone can send it.
 */
final class ClientAddress {

  private ClientAddress() {}

  static String of(HttpServletRequest request, List<Cidr> trustedProxies) {
    String remote = request.getRemoteAddr();
    if (trustedProxies.isEmpty() || !trusted(remote, trustedProxies)) {
      return remote;
    }
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null || forwarded.length() > 1024) {
      return remote;
    }
    String[] hops = forwarded.split(",");
    String client = remote;
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      Optional<InetAddress> a = Hosts.literal(hop);
      if (a.isEmpty()) {
        return client; // a forged or garbled entry: stop at the last address we can vouch for
      }
      client = a.get().getHostAddress();
      if (!trusted(client, trustedProxies)) {
        return client;
      }
    }
    return client;
  }

  private static boolean trusted(String address, List<Cidr> proxies) {
    return Hosts.literal(address).map(a -> proxies.stream().anyMatch(c -> c.contains(a))).orElse(false);
  }
}

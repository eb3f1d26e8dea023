package io.argus.security.control;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether a request's remote address is this host: a loopback address or an address of one of its
 * own network interfaces (a client on this machine that connects to the eth0 address arrives from
 * that address). The interface list is read again at most once a minute.
 */
public final class LocalAddresses {

  private static final Logger LOG = Logger.getLogger(LocalAddresses.class.getName());
  private static final long REFRESH_NANOS = 60_000_000_000L;

  private volatile Set<InetAddress> own = Set.of();
  private volatile long readAt = Long.MIN_VALUE;

  public boolean isLocal(String remoteAddress) {
    var literal = remoteAddress == null ? java.util.Optional.<InetAddress>empty() : Hosts.literal(remoteAddress);
    if (literal.isEmpty()) {
      return false;
    }
    InetAddress a = literal.get();
    return a.isLoopbackAddress() || own().contains(a);
  }

  private Set<InetAddress> own() {
    long now = System.nanoTime();
    if (readAt == Long.MIN_VALUE || now - readAt > REFRESH_NANOS) {
      Set<InetAddress> addresses = new HashSet<>();
      try {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
          for (InetAddress a : Collections.list(nic.getInetAddresses())) {
            addresses.add(a instanceof java.net.Inet6Address v6 && v6.getScopeId() != 0 ? stripScope(v6) : a);
          }
        }
      } catch (SocketException e) {
        LOG.log(Level.WARNING, "Cannot list this host's interfaces; only loopback counts as local", e);
      }
      own = Set.copyOf(addresses);
      readAt = now;
    }
    return own;
  }

  private static InetAddress stripScope(java.net.Inet6Address v6) {
    try {
      return InetAddress.getByAddress(v6.getAddress());
    } catch (java.net.UnknownHostException e) {
      return v6;
    }
  }
}

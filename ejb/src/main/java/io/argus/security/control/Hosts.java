package io.argus.security.control;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Tells literal IP addresses from host names without asking DNS. */
public final class Hosts {

  private static final Pattern DOTTED_QUAD =
      Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  // what resolvers read as an address although it is no dotted quad: 2852039166, 0xa9fea9fe, 0251.0376.0.1, 10.1
  private static final Pattern NUMERIC_LOOKALIKE = Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}\\.?");

  private Hosts() {}

  public static boolean isIpLiteral(String host) {
    return DOTTED_QUAD.matcher(host).matches() || IPV6.matcher(host).matches();
  }

  /** A host made only of numbers that is not a canonical dotted quad: a disguised address. */
  public static boolean isNumericLookalike(String host) {
    return !DOTTED_QUAD.matcher(host).matches() && NUMERIC_LOOKALIKE.matcher(host).matches();
  }

  /** The address of a literal (brackets allowed around IPv6), without any DNS query. */
  public static Optional<InetAddress> literal(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    int zone = h.indexOf('%');
    if (zone >= 0) {
      h = h.substring(0, zone);
    }
    if (!isIpLiteral(h)) {
      return Optional.empty();
    }
    try {
      InetAddress a = InetAddress.getByName(h);
      return Optional.of(a instanceof Inet6Address v6 ? unmapped(v6) : a);
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** ::ffff:169.254.169.254 is 169.254.169.254. */
  static InetAddress unmapped(Inet6Address v6) {
    byte[] b = v6.getAddress();
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return v6;
      }
    }
    if ((b[10] & 0xff) != 0xff || (b[11] & 0xff) != 0xff) {
      return v6;
    }
    try {
      return Inet4Address.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
    } catch (UnknownHostException e) {
      return v6;
    }
  }
}

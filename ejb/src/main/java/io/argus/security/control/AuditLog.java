package io.argus.security.control;

import io.argus.platform.control.RequestContext;
import io.argus.security.entity.Caller;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Who changed what, and who was turned away: one JSON line per write and per refused request
 * (actor, how it authenticated, action, target, outcome, status, client address, request id) on
 * logger {@code io.argus.audit} and, when one is open, in the audit file of its own. Never a
 * secret, never a body.
 */
public final class AuditLog {

  static final Logger AUDIT = Logger.getLogger("io.argus.audit");
  private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

  private static volatile AuditFile file;

  private AuditLog() {}

  /** From now on, lines go to this file as well (none: the server log only); the one before is closed. */
  public static void writeTo(Optional<AuditFile> next) {
    AuditFile previous = file;
    file = next.orElse(null);
    if (previous != null) {
      try {
        previous.close();
      } catch (IOException e) {
        LOG.warning("Closing the audit file " + previous.path() + " failed: " + e.getMessage());
      }
    }
  }

  public static void record(Caller caller, String action, Map<String, String> target, int status, String clientIp) {
    String line = line(caller, action, target, status, clientIp, Instant.now());
    AUDIT.info(line);
    AuditFile f = file;
    if (f != null) {
      try {
        f.append(line);
      } catch (IOException e) {
        // the line is in the server log; the file is what an operator would miss, so say so loudly
        LOG.severe("Writing the audit file " + f.path() + " failed (the line is in the server log): " + e.getMessage());
      }
    }
  }

  /** What became of the request: done, turned away for missing or bad credentials, refused, or failed otherwise. */
  static String outcome(int status) {
    if (status < 400) {
      return "success";
    }
    return switch (status) {
      case 401 -> "unauthenticated";
      case 403, 429 -> "refused";
      default -> "failed";
    };
  }

  static String line(Caller caller, String action, Map<String, String> target, int status, String clientIp, Instant at) {
    JsonObjectBuilder t = Json.createObjectBuilder();
    new TreeMap<>(target).forEach((k, v) -> t.add(k, v.length() > 128 ? v.substring(0, 128) + "…" : v));
    return Json.createObjectBuilder()
        .add("type", "audit")
        .add("time", at.toString())
        .add("actor", caller.name())
        .add("auth", caller.kind().key())
        .add("credential", caller.limitKey())
        .add("role", caller.role().map(r -> r.key()).orElse(""))
        .add("action", action)
        .add("target", t)
        .add("outcome", outcome(status))
        .add("status", status)
        .add("client_ip", clientIp == null ? "" : clientIp)
        .add("request_id", RequestContext.requestId().orElse(""))
        .build().toString();
  }
}

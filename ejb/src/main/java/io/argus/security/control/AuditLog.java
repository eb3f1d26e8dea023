package io.argus.security.control;

import io.argus.platform.control.RequestContext;
import io.argus.security.entity.Caller;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Who changed what: one JSON line per write on logger {@code io.argus.audit} (actor, how it
 * authenticated, action, target, outcome status, client address, request id). Never a secret, never
 * a body.
 */
public final class AuditLog {

  static final Logger AUDIT = Logger.getLogger("io.argus.audit");

  private AuditLog() {}

  public static void record(Caller caller, String action, Map<String, String> target, int status, String clientIp) {
    AUDIT.info(line(caller, action, target, status, clientIp, Instant.now()));
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
        .add("outcome", status < 400 ? "success" : "refused")
        .add("status", status)
        .add("client_ip", clientIp == null ? "" : clientIp)
        .add("request_id", RequestContext.requestId().orElse(""))
        .build().toString();
  }
}

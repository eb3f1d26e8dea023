package io.argus.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class RequestContextTest {

  @Test
  void scopesNestAndCountRequestsInFlight() {
    int before = RequestContext.inFlight();
    assertThat(RequestContext.requestId()).isEmpty();
    try (RequestContext.Scope outer = RequestContext.enter("a")) {
      try (RequestContext.Scope inner = RequestContext.enter("b")) {
        assertThat(RequestContext.requestId()).contains("b");
        assertThat(RequestContext.inFlight()).isEqualTo(before + 2);
      }
      assertThat(RequestContext.requestId()).contains("a");
    }
    assertThat(RequestContext.requestId()).isEmpty();
    assertThat(RequestContext.inFlight()).isEqualTo(before);
  }

  @Test
  void theEnricherAddsTheRequestIdToLinesWrittenDuringARequestOnly() {
    RequestLogEnricher enricher = new RequestLogEnricher();
    LogRecord outside = new LogRecord(Level.INFO, "started");
    enricher.publish(outside);
    assertThat(outside.getMessage()).isEqualTo("started");

    LogRecord inside = new LogRecord(Level.INFO, "query took {0} ms");
    try (RequestContext.Scope s = RequestContext.enter("req-42")) {
      enricher.publish(inside);
    }
    assertThat(inside.getMessage()).isEqualTo("query took {0} ms [request_id=req-42]");
  }

  @Test
  void theEnricherLeavesLinesThatCarryTheIdAlreadyAlone() {
    LogRecord access = new LogRecord(Level.INFO, "{\"request_id\":\"req-42\"}");
    try (RequestContext.Scope s = RequestContext.enter("req-42")) {
      new RequestLogEnricher().publish(access);
    }
    assertThat(access.getMessage()).isEqualTo("{\"request_id\":\"req-42\"}");
  }
}

package io.argus.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mappers of failures: what reaches the caller, and what reaches the log. */
class ProblemMappersTest {

  private static final String SECRET = "password=hunter2 at jdbc:postgresql://db/argus";

  /** Held here: a logger only weakly referenced elsewhere may be collected, handler and all. */
  private final Logger problemsLog = Logger.getLogger(Problems.class.getName());
  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      logged.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  private static UriInfo uri(String path) {
    return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
        (proxy, method, args) -> method.getName().equals("getRequestUri") ? URI.create("http://h" + path) : null);
  }

  @BeforeEach
  void listen() {
    problemsLog.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    problemsLog.removeHandler(capture);
  }

  private Problem problem(Response response) {
    assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
    return (Problem) response.getEntity();
  }

  private void assertLoggedUnder(Problem problem, Throwable cause) {
    assertThat(problem.errorId()).isNotBlank();
    assertThat(problem.detail()).contains(problem.errorId()).doesNotContain("hunter2");
    assertThat(logged).singleElement().satisfies(r -> {
      assertThat(r.getMessage()).contains(problem.errorId());
      assertThat(r.getThrown()).isSameAs(cause);
    });
  }

  @Test
  void anUnexpectedFailureIs500WithAnErrorIdThatIsInTheLogAndNoExceptionText() {
    UnexpectedFailureMapper mapper = new UnexpectedFailureMapper();
    mapper.uri = uri("/api/v1/gpus");
    IllegalStateException failure = new IllegalStateException(SECRET);
    Response response = mapper.toResponse(failure);
    assertThat(response.getStatus()).isEqualTo(500);
    Problem problem = problem(response);
    assertThat(problem.instance()).isEqualTo("/api/v1/gpus");
    assertLoggedUnder(problem, failure);
  }

  @Test
  void aBare5xxFromTheRuntimeIsTreatedAsADefectAndKeepsItsHeaders() {
    WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();
    mapper.uri = uri("/api/v1/sessions");
    ServiceUnavailableException failure = new ServiceUnavailableException(SECRET, 7L);
    Response response = mapper.toResponse(failure);
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("7");
    Problem problem = problem(response);
    assertThat(problem.title()).isEqualTo("Service Unavailable");
    assertLoggedUnder(problem, failure);
  }

  @Test
  void aBodyThatDoesNotBindIs400WithTheBindersReasonAndNothingLogged() throws Exception {
    MalformedBodyMapper mapper = new MalformedBodyMapper();
    mapper.uri = uri("/api/v1/sources");
    JsonbException unreadable;
    try (Jsonb jsonb = JsonbConfiguration.create()) {
      jsonb.fromJson("{\"count\": \"many\"}", Counted.class);
      throw new AssertionError("the binder accepted a string for an int");
    } catch (JsonbException e) {
      unreadable = e;
    }
    Response response = mapper.toResponse(unreadable);
    assertThat(response.getStatus()).isEqualTo(400);
    Problem problem = problem(response);
    assertThat(problem.parameter()).isEqualTo("body");
    assertThat(problem.errorId()).isNull();
    assertThat(logged).isEmpty();
  }

  @Test
  void aResponseThatDoesNotWriteIs500NotTheCallersFault() throws Exception {
    MalformedBodyMapper mapper = new MalformedBodyMapper();
    mapper.uri = uri("/api/v1/gpus");
    JsonbException unwritable;
    try (Jsonb jsonb = JsonbConfiguration.create()) {
      jsonb.toJson(new Exploding());
      throw new AssertionError("the binder wrote a getter that throws");
    } catch (JsonbException e) {
      unwritable = e;
    }
    Response response = mapper.toResponse(unwritable);
    assertThat(response.getStatus()).isEqualTo(500);
    assertLoggedUnder(problem(response), unwritable);
  }

  public static class Counted {
    public int count;
  }

  public static class Exploding {
    public String getValue() {
      throw new IllegalStateException(SECRET);
    }
  }
}

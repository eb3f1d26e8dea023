package io.argus.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiCompletenessTest {

  private static final String PROBLEM = """
      {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}""";

  /** One protected read and one open health operation, described as the checker wants them. */
  private static String document(String getSession, String health) {
    return """
        {"openapi": "3.0.3",
         "security": [{"apiKey": []}, {"bearer": []}],
         "paths": {
           "/api/v1/sessions/{session_id}": {"get": %s},
           "/api/health": {"get": %s}},
         "components": {
           "schemas": {
             "Problem": {"type": "object", "properties": {"title": {"type": "string", "example": "Not Found"}}},
             "Session": {"type": "object", "properties": {"session_id": {"type": "string"}}, "example": {"session_id": "bench-001"}}},
           "responses": {"Unauthorized": %s}}}
        """.formatted(getSession, health, PROBLEM);
  }

  private static final String GET_SESSION = """
      {"operationId": "getSession", "summary": "One session",
       "parameters": [{"name": "session_id", "in": "path", "description": "Session id"}],
       "responses": {
         "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Session"}}}},
         "401": {"$ref": "#/components/responses/Unauthorized"},
         "403": %1$s, "404": %1$s, "429": %1$s}}""".formatted(PROBLEM);

  private static final String HEALTH = """
      {"operationId": "health", "summary": "Health", "security": [{}],
       "responses": {
         "200": {"content": {"application/json": {"schema": {"type": "object"}, "example": {"status": "healthy"}}}},
         "500": %s}}""".formatted(PROBLEM);

  private static final Map<String, Boolean> JAX_RS = Map.of("get /api/v1/sessions/{session_id}", true, "get /api/health", false);

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Test
  void aCompleteDocumentHasNoDefects() {
    assertThat(OpenApiCompleteness.defects(json(document(GET_SESSION, HEALTH)), JAX_RS)).isEmpty();
  }

  @Test
  void aMissingResourceMethodIsNamed() {
    var more = new java.util.HashMap<>(JAX_RS);
    more.put("delete /api/v1/sessions/{session_id}", true);
    assertThat(OpenApiCompleteness.defects(json(document(GET_SESSION, HEALTH)), more))
        .containsExactly("delete /api/v1/sessions/{session_id}: not in the document");
  }

  @Test
  void aResponseWithoutAnExampleAnywhereIsADefect() {
    String doc = document(GET_SESSION, HEALTH).replace(", \"example\": {\"session_id\": \"bench-001\"}", "");
    assertThat(OpenApiCompleteness.defects(json(doc), JAX_RS))
        .containsExactly("get /api/v1/sessions/{session_id}: 200 response (application/json) has no example");
  }

  @Test
  void anExampleOnEveryPropertyIsEnough() {
    String doc = document(GET_SESSION, HEALTH).replace(", \"example\": {\"session_id\": \"bench-001\"}", "")
        .replace("\"session_id\": {\"type\": \"string\"}", "\"session_id\": {\"type\": \"string\", \"example\": \"bench-001\"}");
    assertThat(OpenApiCompleteness.defects(json(doc), JAX_RS)).isEmpty();
  }

  @Test
  void aProtectedOperationWithoutItsAccessErrorsOrSecurityIsADefect() {
    String withoutAccessErrors = GET_SESSION.replace("\"403\": " + PROBLEM + ", ", "").replace(", \"429\": " + PROBLEM, "");
    assertThat(OpenApiCompleteness.defects(json(document(withoutAccessErrors, HEALTH)), JAX_RS)).containsExactly(
        "get /api/v1/sessions/{session_id}: needs credentials but documents no 403",
        "get /api/v1/sessions/{session_id}: needs credentials but documents no 429");

    String open = GET_SESSION.replace("\"summary\": \"One session\",", "\"summary\": \"One session\", \"security\": [{}],");
    assertThat(OpenApiCompleteness.defects(json(document(open, HEALTH)), JAX_RS))
        .containsExactly("get /api/v1/sessions/{session_id}: checks a role but declares no security requirement");

    String securedHealth = HEALTH.replace("\"security\": [{}],", "");
    assertThat(OpenApiCompleteness.defects(json(document(GET_SESSION, securedHealth)), JAX_RS)).containsExactly(
        "get /api/health: needs no credentials but declares a security requirement",
        "get /api/health: needs credentials but documents no 401",
        "get /api/health: needs credentials but documents no 429");
  }

  @Test
  void anOperationWithoutA2xxSchemaOrWithAnUndeclaredParameterIsADefect() {
    String noSchema = HEALTH.replace("\"schema\": {\"type\": \"object\"}, \"example\": {\"status\": \"healthy\"}", "");
    assertThat(OpenApiCompleteness.defects(json(document(GET_SESSION, noSchema)), JAX_RS))
        .contains("get /api/health: no 2xx response with a schema");

    String undeclared = GET_SESSION.replace("\"parameters\": [{\"name\": \"session_id\", \"in\": \"path\", \"description\": \"Session id\"}],", "");
    assertThat(OpenApiCompleteness.defects(json(document(undeclared, HEALTH)), JAX_RS))
        .containsExactly("get /api/v1/sessions/{session_id}: path parameter session_id undeclared");
  }

  @Test
  void aDanglingReferenceIsADefect() {
    String dangling = GET_SESSION.replace("#/components/responses/Unauthorized", "#/components/responses/Nope");
    assertThat(OpenApiCompleteness.defects(json(document(dangling, HEALTH)), JAX_RS)).contains("dangling reference #/components/responses/Nope");
  }
}

package io.argus.security.boundary;

import io.argus.security.control.SecuritySettings;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Writes into the OpenAPI document what {@link AccessFilter} and {@link RoleCheck} do to every
 * request, so that no resource method repeats it: which operations need no credentials (health
 * always, {@code /metrics} unless argus.security.metrics=authenticated; the document's global
 * security covers the rest), and the shared responses of META-INF/openapi.yaml each operation can
 * get — 401, 414, 431, 429 and 500 wherever the gate runs, 403 where a role is checked, 413 where a
 * body is read. A response an operation documents itself is kept.
 */
public class AccessDocumentation {

  private static final String RESPONSES = "#/components/responses/";

  private enum Gate {
    /** Health: passes the gate untouched. */
    NONE,
    /** Anyone may call it; bad credentials are still refused. */
    OPEN,
    /** Needs credentials once API keys exist. */
    CREDENTIALS,
    /** Needs credentials and a role ({@code @RolesAllowed} on a JAX-RS operation). */
    ROLE
  }

  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    boolean metricsOpen = SecuritySettings.metricsExposure(ConfigProvider.getConfig()) == SecuritySettings.Exposure.OPEN;
    openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
        document(operation, gate(path, metricsOpen), method, path)));
  }

  private static Gate gate(String path, boolean metricsOpen) {
    if (AccessFilter.isHealth(path)) {
      return Gate.NONE;
    }
    if (AccessFilter.isMetrics(path) && metricsOpen) {
      return Gate.OPEN;
    }
    return path.startsWith("/api/") ? Gate.ROLE : Gate.CREDENTIALS;
  }

  private static void document(Operation operation, Gate gate, PathItem.HttpMethod method, String path) {
    if (gate == Gate.NONE || gate == Gate.OPEN) {
      // an empty requirement: no credentials needed, whatever the document's global security says
      operation.setSecurity(List.of(OASFactory.createSecurityRequirement()));
    }
    APIResponses responses = operation.getResponses();
    if (gate == Gate.NONE) {
      if (path.startsWith("/api/")) {
        shared(responses, "500", "InternalError");
      }
      return;
    }
    shared(responses, "401", "Unauthorized");
    if (gate == Gate.ROLE) {
      shared(responses, "403", "Forbidden");
    }
    if (operation.getRequestBody() != null || method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
        || method == PathItem.HttpMethod.PATCH) {
      shared(responses, "413", "PayloadTooLarge");
    }
    shared(responses, "414", "UriTooLong");
    shared(responses, "429", "TooManyRequests");
    shared(responses, "431", "HeadersTooLarge");
    shared(responses, "500", "InternalError");
  }

  private static void shared(APIResponses responses, String code, String name) {
    if (!responses.hasAPIResponse(code)) {
      responses.addAPIResponse(code, OASFactory.createAPIResponse().ref(RESPONSES + name));
    }
  }
}

package io.argus.platform.boundary;

import io.argus.security.boundary.AccessDocumentation;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The document's finishing pass (mp.openapi.filter): repairs what the annotation scanner gets
 * wrong, names properties as the JSON does, then adds what every operation shares (security and
 * the access errors), so that no resource method repeats it.
 */
public class OpenApiFilter implements OASFilter {

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    new ScannedSchemaRepairs().filterOpenAPI(openAPI);
    new SnakeCaseSchemas().filterOpenAPI(openAPI);
    new AccessDocumentation().filterOpenAPI(openAPI);
  }
}

package io.argus.platform.boundary;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Names the properties of the OpenAPI document's schemas the way JSON-B writes them
 * ({@link JsonbConfiguration}: snake_case), since the scanner names them after the Java fields.
 * A schema whose JSON keeps camelCase keys (the system monitor's shapes, {@code @JsonbProperty})
 * belongs in {@link #KEEP}; SnakeCaseSchemasTest finds them.
 */
public class SnakeCaseSchemas implements OASFilter {

  static final Set<String> KEEP = Set.of("CpuPart", "DiskPart", "NetworkPart", "Accelerator");

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
      return;
    }
    openAPI.getComponents().getSchemas().forEach((name, schema) -> {
      if (!KEEP.contains(name)) {
        rename(schema);
      }
    });
  }

  private static void rename(Schema schema) {
    Map<String, Schema> properties = schema.getProperties();
    if (properties == null || properties.isEmpty()) {
      return;
    }
    var renamed = new LinkedHashMap<String, Schema>();
    properties.forEach((name, property) -> renamed.put(snake(name), property));
    schema.setProperties(renamed);
  }

  static String snake(String name) {
    var out = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}

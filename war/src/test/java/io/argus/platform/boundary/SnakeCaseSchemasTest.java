package io.argus.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

class SnakeCaseSchemasTest {

  @Test
  void namesPropertiesAsJsonbWritesThem() {
    assertThat(SnakeCaseSchemas.snake("prometheusUrl")).isEqualTo("prometheus_url");
    assertThat(SnakeCaseSchemas.snake("id")).isEqualTo("id");
  }

  /** A record that keeps camelCase keys (@JsonbProperty) would be documented with snake_case ones unless kept. */
  @Test
  void everySchemaWithCamelCaseJsonKeysIsKeptAsItIs() {
    var camel = JaxRsOperations.classes().stream()
        .flatMap(type -> Stream.concat(Stream.of(type), Arrays.stream(type.getDeclaredClasses())))
        .filter(Class::isRecord)
        .filter(type -> Arrays.stream(type.getRecordComponents()).map(RecordComponent::getAccessor)
            .map(accessor -> accessor.getAnnotation(JsonbProperty.class))
            .anyMatch(p -> p != null && !SnakeCaseSchemas.snake(p.value()).equals(p.value())))
        .map(type -> Optional.ofNullable(type.getAnnotation(Schema.class)).map(Schema::name).filter(n -> !n.isEmpty())
            .orElse(type.getSimpleName()))
        .toList();
    assertThat(camel).isNotEmpty();
    assertThat(SnakeCaseSchemas.KEEP).containsAll(camel);
  }
}

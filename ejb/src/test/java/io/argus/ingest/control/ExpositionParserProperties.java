package io.argus.ingest.control;

import io.argus.ingest.entity.ExpositionSample;

/** Helpers for comparing parsed samples with the ones they were rendered from. */
final class ExpositionParserProperties {

  private ExpositionParserProperties() {}

  /** The sample as the generator built it, which knows no line numbers. */
  static ExpositionSample withoutLine(ExpositionSample s) {
    return new ExpositionSample(s.name(), s.labels(), s.value(), s.timestampMillis(), s.family(), s.type(), 0);
  }
}

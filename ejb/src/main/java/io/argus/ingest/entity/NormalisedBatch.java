package io.argus.ingest.entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of normalising one scrape or batch: the samples to store, and counts of what was
 * dropped (absent values by reason, unknown names with their sample counts, unkeyed samples).
 */
public record NormalisedBatch(
    List<ArgusSample> samples, Map<AbsentReason, Long> absent, SortedMap<String, Long> unmapped, long unkeyed) {

  public NormalisedBatch {
    samples = List.copyOf(samples);
    absent = Collections.unmodifiableMap(absent.isEmpty() ? new EnumMap<>(AbsentReason.class) : new EnumMap<>(absent));
    unmapped = Collections.unmodifiableSortedMap(new TreeMap<>(unmapped));
  }

  /** Absent values of every reason together. */
  public long absentTotal() {
    return absent.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Accumulates outcomes in arrival order. */
  public static final class Builder {

    private final List<ArgusSample> samples = new ArrayList<>();
    private final Map<AbsentReason, Long> absent = new EnumMap<>(AbsentReason.class);
    private final SortedMap<String, Long> unmapped = new TreeMap<>();
    private long unkeyed;

    public Builder add(Normalised outcome) {
      // Java 17 has no pattern switch; the interface is sealed, so these four branches are all.
      if (outcome instanceof Normalised.Accepted a) {
        samples.add(a.sample());
      } else if (outcome instanceof Normalised.Absent a) {
        absent.merge(a.reason(), 1L, Long::sum);
      } else if (outcome instanceof Normalised.Unmapped u) {
        unmapped.merge(u.name(), 1L, Long::sum);
      } else {
        unkeyed++;
      }
      return this;
    }

    public NormalisedBatch build() {
      return new NormalisedBatch(samples, absent, unmapped, unkeyed);
    }
  }
}

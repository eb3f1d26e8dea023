package io.argus.ingest.entity;

import java.util.Objects;

/** What became of one source sample: stored, absent, unknown to the dictionary, or without a series. */
public sealed interface Normalised {

  /** A sample to store. */
  record Accepted(ArgusSample sample) implements Normalised {
    public Accepted {
      Objects.requireNonNull(sample, "sample");
    }
  }

  /** A dictionary metric whose value was NaN, infinite or a driver's blank sentinel. */
  record Absent(String metric, AbsentReason reason) implements Normalised {
    public Absent {
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A name that is neither an Argus metric nor an alias of one. */
  record Unmapped(String name) implements Normalised {
    public Unmapped {
      Objects.requireNonNull(name, "name");
    }
  }

  /** A dictionary metric whose labels name neither a GPU (uuid, or index and host) nor a host. */
  record Unkeyed(String metric) implements Normalised {
    public Unkeyed {
      Objects.requireNonNull(metric, "metric");
    }
  }
}

package io.argus.ingest.control;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The label names under which exporters report GPU identity and workload attribution, first choice
 * first: dcgm-exporter's old camel case ({@code Hostname}, {@code UUID}, {@code modelName}) and new
 * snake case, nvidia_gpu_exporter's {@code uuid}, the seed's CSV columns, and the
 * {@code exported_*} names Prometheus gives an exporter's pod labels when they clash with its own.
 */
final class IdentityLabels {

  static final List<String> HOSTNAME = List.of("Hostname", "hostname");
  static final List<String> UUID = List.of("UUID", "uuid", "gpu_uuid");
  static final List<String> INDEX = List.of("gpu", "gpu_id", "minor_number");
  static final List<String> DEVICE = List.of("device");
  static final List<String> MODEL_NAME = List.of("modelName", "model_name");
  static final List<String> PCI_BUS_ID = List.of("pci_bus_id");
  static final List<String> DRIVER_VERSION = List.of("DCGM_FI_DRIVER_VERSION", "driver_version");
  static final List<String> CONTAINER = List.of("exported_container", "container", "container_name");
  static final List<String> POD = List.of("exported_pod", "pod", "pod_name");
  static final List<String> NAMESPACE = List.of("exported_namespace", "namespace", "pod_namespace");
  static final List<String> SLURM_JOB = List.of("hpc_job", "slurm_job_id", "slurm_job");
  static final String INSTANCE = "instance";

  private static final Pattern BARE_UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private IdentityLabels() {}

  /** Removes and returns the value of the first of {@code names} present with a non-blank value. */
  static Optional<String> take(Map<String, String> labels, List<String> names) {
    for (String name : names) {
      String value = labels.get(name);
      if (value != null && !value.isBlank()) {
        labels.remove(name);
        return Optional.of(value.strip());
      }
    }
    return Optional.empty();
  }

  /** Like {@link #take} for a GPU index; a value that is not a small non-negative integer stays a label. */
  static Optional<Integer> takeIndex(Map<String, String> labels) {
    for (String name : INDEX) {
      String value = labels.get(name);
      Optional<Integer> index = value == null ? Optional.empty() : index(value);
      if (index.isPresent()) {
        labels.remove(name);
        return index;
      }
    }
    return Optional.empty();
  }

  static Optional<Integer> index(String text) {
    String t = text.strip();
    if (t.isEmpty() || t.length() > 9) {
      return Optional.empty();
    }
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) < '0' || t.charAt(i) > '9') {
        return Optional.empty();
      }
    }
    return Optional.of(Integer.parseInt(t));
  }

  /**
   * NVML and DCGM write {@code GPU-<uuid>}; nvidia_gpu_exporter drops the prefix. Restoring it makes
   * the same GPU one row whichever exporter reported it. {@code MIG-} and other forms stay as given.
   */
  static String canonicalUuid(String uuid) {
    return BARE_UUID.matcher(uuid).matches() ? "GPU-" + uuid.toLowerCase(Locale.ROOT) : uuid;
  }

  /** The host part of a Prometheus {@code instance} label such as {@code node7:9400} or {@code [::1]:9100}. */
  static Optional<String> instanceHost(String instance) {
    String v = instance.strip();
    if (v.startsWith("[")) {
      int close = v.indexOf(']');
      return close > 1 ? Optional.of(v.substring(1, close)) : Optional.empty();
    }
    int colon = v.lastIndexOf(':');
    if (colon > 0 && v.indexOf(':') == colon && index(v.substring(colon + 1)).isPresent()) {
      v = v.substring(0, colon);
    }
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }
}

package io.argus.slurm.control;

import io.argus.slurm.entity.JobId;
import io.argus.slurm.entity.JobState;
import io.argus.slurm.entity.JobStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code scontrol show job} output, multi-line or {@code --oneliner}, which still shows a
 * job for MinJobAge after it ended, when squeue no longer does.
 */
public final class ScontrolParser {

  /**
   * A key starts after whitespace; values may hold '=' ({@code TRES=cpu=1,node=1}) and spaces
   * (a {@code Command} path), so a value runs up to the next key.
   */
  private static final Pattern KEY = Pattern.compile("(?:^|(?<=\\s))([A-Za-z][A-Za-z0-9_:/]*)=");

  private static final Pattern RECORD_SEPARATOR = Pattern.compile("\\R\\s*\\R");

  private ScontrolParser() {}

  /** The fields of one job record as scontrol prints them, in order. */
  public static Map<String, String> fields(String record) {
    var fields = new LinkedHashMap<String, String>();
    var m = KEY.matcher(record);
    String key = null;
    int valueStart = 0;
    while (m.find()) {
      if (key != null) {
        fields.put(key, record.substring(valueStart, m.start()).strip());
      }
      key = m.group(1);
      valueStart = m.end();
    }
    if (key != null) {
      fields.put(key, record.substring(valueStart).strip());
    }
    return fields;
  }

  /**
   * Every job in the output, in order.
   *
   * @throws IllegalArgumentException when a record has no numeric {@code JobId}
   */
  public static List<JobStatus> parse(String output) {
    var jobs = new ArrayList<JobStatus>();
    for (String record : RECORD_SEPARATOR.split(output.strip())) {
      if (record.isBlank()) {
        continue;
      }
      // --oneliner puts several jobs on consecutive lines, one each.
      if (!record.contains("\n   ") && record.lines().count() > 1) {
        record.lines().filter(l -> !l.isBlank()).map(ScontrolParser::job).forEach(jobs::add);
      } else {
        jobs.add(job(record));
      }
    }
    return List.copyOf(jobs);
  }

  private static JobStatus job(String record) {
    Map<String, String> f = fields(record);
    String id = f.get("JobId");
    if (!JobId.isValid(id)) {
      throw new IllegalArgumentException("scontrol record without a numeric JobId: " + abbreviate(record));
    }
    return new JobStatus(
        new JobId(id),
        JobState.parse(f.get("JobState")),
        SqueueParser.present(f.get("Reason")),
        SqueueParser.present(f.get("NodeList")),
        SqueueParser.present(f.get("Partition")),
        SqueueParser.present(f.get("TimeLimit")),
        SqueueParser.present(f.get("ExitCode")));
  }

  private static String abbreviate(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() <= 120 ? line : line.substring(0, 120) + "…";
  }
}

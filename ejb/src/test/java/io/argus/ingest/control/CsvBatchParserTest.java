package io.argus.ingest.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.ingest.entity.AbsentReason;
import io.argus.ingest.entity.ArgusSample;
import io.argus.ingest.entity.Attribution;
import io.argus.ingest.entity.CsvBatch;
import io.argus.ingest.entity.GpuIdentity;
import io.argus.ingest.entity.HostIdentity;
import io.argus.ingest.entity.RowError;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CsvBatchParserTest {

  private static final String HEADER =
      "timestamp,metric_name,gpu_id,device,uuid,modelName,Hostname,container,pod,namespace,value,labels_raw\n";

  private final CsvBatchParser parser = new CsvBatchParser(new SampleNormaliser(SeedDictionary.load()));

  private CsvBatch parse(String csv) {
    return parser.parse(new StringReader(csv));
  }

  @Test
  void turnsSeedRowsIntoArgusSamples() {
    CsvBatch batch = parse(HEADER
        + "2025-07-18T20:42:34Z,DCGM_FI_DEV_GPU_UTIL,0,nvidia0,GPU-5fd4f087-86f3-7a43-b711-4771313afc50,"
        + "NVIDIA H100 80GB HBM3,mtv5-dgx1-hgpu-031,,,,42,"
        + "\"DCGM_FI_DRIVER_VERSION=\"\"535.129.03\"\",Hostname=\"\"mtv5-dgx1-hgpu-031\"\",__name__=\"\"DCGM_FI_DEV_GPU_UTIL\"\","
        + "gpu=\"\"0\"\",instance=\"\"dcgm:9400\"\",job=\"\"dcgm\"\",pci_bus_id=\"\"00000000:18:00.0\"\"\"\n"
        + "2025-07-18T20:42:34.250+02:00,DCGM_FI_DEV_FB_USED,1,nvidia1,GPU-2,NVIDIA H100 80GB HBM3,mtv5-dgx1-hgpu-031,"
        + "trainer,job-0,ml,1024,\"{\"\"hpc_job\"\": \"\"77\"\", \"\"note\"\": \"\"a, \\\"\"quoted\\\"\" note\"\", \"\"n\"\": 3, \"\"z\"\": null}\"\n");

    assertThat(batch.errors()).isEmpty();
    assertThat(batch.rows()).isEqualTo(2);
    assertThat(batch.samples()).containsExactly(
        new ArgusSample(Instant.parse("2025-07-18T20:42:34Z"), "gpu_utilization_percent", 42,
            new GpuIdentity(Optional.of("GPU-5fd4f087-86f3-7a43-b711-4771313afc50"), Optional.of(0),
                Optional.of("mtv5-dgx1-hgpu-031"), Optional.of("nvidia0"), Optional.of("NVIDIA H100 80GB HBM3"),
                Optional.of("00000000:18:00.0"), Optional.of("535.129.03")),
            Attribution.NONE,
            new TreeMap<>(Map.of("instance", "dcgm:9400", "job", "dcgm"))),
        new ArgusSample(Instant.parse("2025-07-18T18:42:34.250Z"), "gpu_memory_used_bytes", 1_073_741_824,
            new GpuIdentity(Optional.of("GPU-2"), Optional.of(1), Optional.of("mtv5-dgx1-hgpu-031"),
                Optional.of("nvidia1"), Optional.of("NVIDIA H100 80GB HBM3"), Optional.empty(), Optional.empty()),
            new Attribution(Optional.of("trainer"), Optional.of("job-0"), Optional.of("ml"), Optional.of("77")),
            new TreeMap<>(Map.of("n", "3", "note", "a, \"quoted\" note"))));
  }

  @Test
  void reportsEachBadRowWithRowLineColumnAndReasonAndKeepsTheRest() {
    CsvBatch batch = parse(HEADER
        + "2026-01-01T00:00:00Z,DCGM_FI_DEV_GPU_TEMP,0,,GPU-1,,n1,,,,40,\n"
        + "yesterday,DCGM_FI_DEV_GPU_TEMP,0,,GPU-1,,n1,,,,40,\n"
        + "2026-01-01T00:00:00Z,,0,,GPU-1,,n1,,,,40,\n"
        + "2026-01-01T00:00:00Z,DCGM_FI_DEV_GPU_TEMP,0,,GPU-1,,n1,,,,forty,\n"
        + "2026-01-01T00:00:00Z,DCGM_FI_DEV_GPU_TEMP,zero,,GPU-1,,n1,,,,40,\n"
        + "2026-01-01T00:00:00Z,DCGM_FI_DEV_GPU_TEMP,0,,GPU-1,,n1,,,,40,\"a=\"\"1\"\" b\"\n"
        + "2026-01-01T00:00:00Z,DCGM_FI_DEV_GPU_TEMP,0,,GPU-1,,n1,,,,40\n"
        + "2026-01-01T00:00:00Z,NOT_A_METRIC,0,,GPU-1,,n1,,,,40,\n"
        + "2026-01-01T00:00:00Z,DCGM_FI_DEV_GPU_TEMP,0,,,,,,,,40,\n"
        + "2026-01-01T00:00:00Z,DCGM_FI_DEV_GPU_TEMP,0,,\"GPU-1\"x,,n1,,,,40,\n"
        + "2026-01-01T00:00:00Z,DCGM_FI_DEV_GPU_TEMP,0,,GPU\"1,,n1,,,,40,\n"
        + "2026-01-01T00:00:01Z,DCGM_FI_DEV_GPU_TEMP,0,,GPU-1,,n1,,,,41,\"{\"\"a\"\": [1]}\"\n"
        + "2026-01-01T00:00:02Z,DCGM_FI_DEV_GPU_TEMP,0,,GPU-1,,n1,,,,\"4\n2\",\n"
        + "2026-01-01T00:00:03Z,DCGM_FI_DEV_GPU_TEMP,0,,GPU-1,,n1,,,,43,\n"
        + "2026-01-01T00:00:04Z,DCGM_FI_DEV_GPU_TEMP,0,,GPU-1,,n1,,,,44,\"unterminated\n");

    assertThat(batch.samples()).extracting(ArgusSample::value).containsExactly(40.0, 43.0);
    assertThat(batch.rows()).isEqualTo(15);
    assertThat(batch.errors()).extracting(RowError::describe).containsExactly(
        "row 2 (line 3), column timestamp: timestamp 'yesterday' is not an RFC 3339 date-time with an offset, such as 2026-01-31T12:00:00Z",
        "row 3 (line 4), column metric_name: metric_name is empty",
        "row 4 (line 5), column value: value \"forty\" is not a number",
        "row 5 (line 6), column gpu_id: gpu_id \"zero\" is not a non-negative integer",
        "row 6 (line 7), column labels_raw: expected ',' or 'end of labels' after the value of label \"a\", found 'b' at character 7",
        "row 7 (line 8): expected 12 fields, found 11",
        "row 8 (line 9), column metric_name: unknown metric \"NOT_A_METRIC\": neither an Argus metric nor an alias of one",
        "row 9 (line 10), column Hostname: the row names neither a GPU uuid, nor a gpu_id with a Hostname, nor a Hostname",
        "row 10 (line 11), column uuid: unexpected character after the closing quote of a field",
        "row 11 (line 12), column uuid: quote inside an unquoted field",
        "row 12 (line 13), column labels_raw: nested JSON values are not labels at character 7",
        "row 13 (line 14), column value: value \"4\n2\" is not a number",
        "row 15 (line 17), column labels_raw: unterminated quoted field");
    assertThat(batch.errorCount()).isEqualTo(13);
  }

  @Test
  void countsEmptyAndBlankValuesAsAbsentNotAsErrors() {
    CsvBatch batch = parse(HEADER
        + "2026-01-01T00:00:00Z,DCGM_FI_DEV_GPU_TEMP,0,,GPU-1,,n1,,,,,\r\n"
        + "2026-01-01T00:00:00Z,DCGM_FI_DEV_FB_FREE,0,,GPU-1,,n1,,,,9223372036854775794,\r\n"
        + "2026-01-01T00:00:00Z,DCGM_FI_DEV_FB_FREE,0,,GPU-1,,n1,,,,NaN,\r\n"
        + "\r\n");

    assertThat(batch.errors()).isEmpty();
    assertThat(batch.samples()).isEmpty();
    assertThat(batch.normalised().absent()).containsExactly(
        Map.entry(AbsentReason.NAN, 1L), Map.entry(AbsentReason.DCGM_BLANK, 1L), Map.entry(AbsentReason.EMPTY, 1L));
  }

  @Test
  void acceptsColumnsInAnyOrderAndCaseWithOnlyTheRequiredOnes() {
    CsvBatch batch = parse("\uFEFFVALUE,Metric_Name,TimeStamp,hostname\n0.5,node_load1,2026-01-01T00:00:00Z,n7\n");

    assertThat(batch.errors()).isEmpty();
    assertThat(batch.samples()).singleElement().satisfies(s -> {
      assertThat(s.metric()).isEqualTo("cpu_load_average_1m");
      assertThat(s.series()).isEqualTo(new HostIdentity("n7"));
    });
  }

  @Test
  void rejectsAnUnusableHeaderAsAWhole() {
    assertThatThrownBy(() -> parse(""))
        .isInstanceOf(MalformedInput.class)
        .hasMessage("row 0 (line 1): the batch is empty; expected a header row");
    assertThatThrownBy(() -> parse("timestamp,metric_name,value,colour\n"))
        .isInstanceOf(MalformedInput.class)
        .hasMessage("row 0 (line 1), column colour: unknown column \"colour\"; expected the columns "
            + "timestamp,metric_name,gpu_id,device,uuid,modelName,Hostname,container,pod,namespace,value,labels_raw,slurm_job");
    assertThatThrownBy(() -> parse("timestamp,metric_name,uuid\n"))
        .isInstanceOf(MalformedInput.class)
        .hasMessage("row 0 (line 1), column value: missing column \"value\"");
    assertThatThrownBy(() -> parse("timestamp,value,metric_name,Value\n"))
        .isInstanceOf(MalformedInput.class)
        .hasMessage("row 0 (line 1), column Value: column \"value\" appears twice");
  }

  @Test
  void letsAFilledColumnWinOverTheSameLabelInLabelsRaw() {
    CsvBatch batch = parse(HEADER
        + "2026-01-01T00:00:00Z,DCGM_FI_DEV_GPU_TEMP,2,,,,n1,,,,40,\"{gpu=\"\"7\"\",hostname=\"\"other\"\",pod=\"\"p\"\"}\"\n");

    assertThat(batch.errors()).isEmpty();
    ArgusSample sample = batch.samples().get(0);
    GpuIdentity gpu = (GpuIdentity) sample.series();
    assertThat(gpu.index()).contains(2);
    assertThat(gpu.hostname()).contains("n1");
    assertThat(sample.attribution().pod()).contains("p");
    assertThat(sample.labels()).isEmpty();
  }
}

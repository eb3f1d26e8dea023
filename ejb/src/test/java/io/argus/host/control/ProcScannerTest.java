package io.argus.host.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcScannerTest {

  @TempDir
  Path dir;

  private ProcScanner scanner(String content) throws IOException {
    Path file = dir.resolve("f");
    Files.writeString(file, content);
    ProcScanner scan = new ProcScanner();
    assertThat(scan.load(file)).isTrue();
    return scan;
  }

  @Test
  void walksLinesAndFieldsSeparatedByRunsOfBlanks() throws IOException {
    ProcScanner scan = scanner("cpu  12 \t 34\n\nintr 5\n");

    assertThat(scan.nextLine()).isTrue();
    assertThat(scan.nextField()).isTrue();
    assertThat(scan.fieldEquals("cpu")).isTrue();
    assertThat(scan.nextLong()).isEqualTo(12);
    assertThat(scan.nextLong()).isEqualTo(34);
    assertThat(scan.nextLong()).isEqualTo(ProcScanner.NOT_A_NUMBER);
    assertThat(scan.nextLine()).isTrue(); // the empty line
    assertThat(scan.nextField()).isFalse();
    assertThat(scan.nextLine()).isTrue();
    assertThat(scan.lineStartsWith("intr")).isTrue();
    assertThat(scan.lineStartsWith("intr 5 and more")).isFalse();
    assertThat(scan.nextLine()).isFalse();
  }

  @Test
  void theLastLineNeedsNoNewline() throws IOException {
    ProcScanner scan = scanner("a 1\nb 2");

    scan.nextLine();
    assertThat(scan.nextLine()).isTrue();
    assertThat(scan.skipFields(2)).isTrue();
    assertThat(scan.fieldLong()).isEqualTo(2);
    assertThat(scan.nextLine()).isFalse();
  }

  @Test
  void numbersThatAreNotPlainNonNegativeDecimalsAreNotNumbers() throws IOException {
    ProcScanner scan = scanner("-1 1.5 12a 9223372036854775807 9999999999999999999 99999999999999999999\n");
    scan.nextLine();

    assertThat(scan.nextLong()).isEqualTo(ProcScanner.NOT_A_NUMBER);
    assertThat(scan.nextLong()).isEqualTo(ProcScanner.NOT_A_NUMBER);
    assertThat(scan.nextLong()).isEqualTo(ProcScanner.NOT_A_NUMBER);
    assertThat(scan.nextLong()).isEqualTo(Long.MAX_VALUE);
    assertThat(scan.nextLong()).as("overflows a long").isEqualTo(ProcScanner.NOT_A_NUMBER);
    assertThat(scan.nextLong()).as("twenty digits").isEqualTo(ProcScanner.NOT_A_NUMBER);
  }

  @Test
  void splitsALineAtItsFirstSeparator() throws IOException {
    ProcScanner scan = scanner("  eth0: 1 2\ncpu MHz\t\t: 2445.406 \nno separator\n");

    scan.nextLine();
    assertThat(scan.upTo(':')).isEqualTo("eth0");
    assertThat(scan.nextLong()).isEqualTo(1);
    scan.nextLine();
    assertThat(scan.upTo(':')).isEqualTo("cpu MHz");
    assertThat(scan.rest()).isEqualTo("2445.406");
    scan.nextLine();
    assertThat(scan.upTo(':')).isNull();
  }

  @Test
  void readsFilesLargerThanItsFirstBufferWhole() throws IOException {
    // /proc/stat of a many-core machine: one interrupt line of tens of kilobytes
    StringBuilder intr = new StringBuilder("intr 123456789");
    for (int i = 0; i < 10_000; i++) {
      intr.append(' ').append(i);
    }
    ProcScanner scan = scanner(intr + "\nctxt 42\n");

    scan.nextLine();
    assertThat(scan.nextField()).isTrue();
    assertThat(scan.nextLong()).isEqualTo(123456789);
    assertThat(scan.nextLine()).isTrue();
    assertThat(scan.skipFields(2)).isTrue();
    assertThat(scan.fieldLong()).isEqualTo(42);
  }

  @Test
  void aFileThatCannotBeReadLeavesNothingToScan() throws IOException {
    ProcScanner scan = scanner("left over\n");

    assertThat(scan.load(dir.resolve("missing"))).isFalse();
    assertThat(scan.nextLine()).isFalse();
  }
}

package io.argus.session.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsTest {

  @Test
  void theFirstNodeOfANodeList() {
    assertThat(Sessions.firstNode("node01")).isEqualTo("node01");
    assertThat(Sessions.firstNode("mel[2153-2155]")).isEqualTo("mel2153");
    assertThat(Sessions.firstNode("gpu[07,09]")).isEqualTo("gpu07");
  }

  @Test
  void insideFollowsSymbolicLinksOfThePartThatExists(@TempDir Path dir) throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.createSymbolicLink(root.resolve("link"), outside);
    assertThat(Sessions.inside(root, root.resolve("a/b"))).isTrue();
    assertThat(Sessions.inside(root, root.resolve("link/new"))).isFalse();
    assertThat(Sessions.inside(root, dir.resolve("root-sibling"))).isFalse();
  }
}

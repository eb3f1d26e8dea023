package io.argus.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives the Payara Micro that Arquillian starts a PostgreSQL database of this run's own: it must
 * exist, and the server's options must name it, before the container boots.
 */
public class ArquillianDatabase implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (System.getProperty("payara.microJar") == null || System.getProperty("payara.cmdOptions") != null) {
      return; // not the in-container stage, or configured by hand
    }
    PostgresTestDatabase db = PostgresTestDatabase.shared();
    System.setProperty("payara.cmdOptions",
        "-Dargus.db.url=" + db.url() + " -Dargus.db.user=" + db.user() + " -Xmx512m"
            // small enough that a test can exceed it cheaply
            + " -Dargus.telemetry.ingest.max-body-bytes=2097152");
  }
}

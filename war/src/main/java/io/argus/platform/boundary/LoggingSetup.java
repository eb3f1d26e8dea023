package io.argus.platform.boundary;

import io.argus.platform.control.RequestLogEnricher;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Attaches the request-id enricher to Argus's loggers for as long as the application is deployed. */
@WebListener
public class LoggingSetup implements ServletContextListener {

  private RequestLogEnricher enricher;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    enricher = RequestLogEnricher.attach();
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    if (enricher != null) {
      enricher.detach();
    }
  }
}

package io.autotune.dashboard;

import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A real Jetty 12 on a free loopback port, with servlets mounted under a context path. */
final class JettyFixture implements AutoCloseable {
  static final String CONTEXT = "/ops";

  private final Server server;
  private final int port;

  private JettyFixture(Server server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Starts Jetty with each servlet at its mapping (e.g. {@code /dashboard/*}) under /ops. */
  static JettyFixture start(Map<String, HttpServlet> servletsByMapping) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler(CONTEXT);
    new LinkedHashMap<>(servletsByMapping)
        .forEach((mapping, servlet) -> context.addServlet(new ServletHolder(servlet), mapping));
    server.setHandler(context);
    server.start();
    return new JettyFixture(server, connector.getLocalPort());
  }

  static JettyFixture start(String mapping, HttpServlet servlet) throws Exception {
    return start(Map.of(mapping, servlet));
  }

  /** {@code http://127.0.0.1:PORT/ops} + path. */
  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + CONTEXT + path);
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}

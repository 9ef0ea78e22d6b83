package io.autotune.examples.web;

import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An embedded Jetty 12 serving one servlet, such as the {@code DashboardServlet}, at a mount path.
 * It listens on 127.0.0.1 unless told otherwise: the dashboard shows what runs on the machine and
 * is for the operator, not the network. Thread-safe; {@link #close()} stops it.
 */
public final class DashboardServer implements AutoCloseable {
  /** The default address: loopback only. */
  public static final String LOOPBACK = "127.0.0.1";

  private final Server server;
  private final ServerConnector connector;
  private final String mountPath;

  private DashboardServer(Server server, ServerConnector connector, String mountPath) {
    this.server = server;
    this.connector = connector;
    this.mountPath = mountPath;
  }

  /** Serves {@code servlet} at the root of 127.0.0.1:{@code port} (0: any free port). */
  public static DashboardServer start(HttpServlet servlet, int port) {
    return start(servlet, LOOPBACK, port, "/");
  }

  /**
   * Serves {@code servlet} on {@code bindAddress}:{@code port} below {@code mountPath} (e.g. {@code
   * /} or {@code /dashboard}).
   *
   * @throws IllegalStateException if the server cannot start, e.g. the port is taken
   */
  public static DashboardServer start(
      HttpServlet servlet, String bindAddress, int port, String mountPath) {
    Objects.requireNonNull(servlet, "servlet");
    Objects.requireNonNull(bindAddress, "bindAddress");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be from 0 to 65535, but was " + port);
    }
    String path = normalize(mountPath);
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(bindAddress);
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(servlet), path.equals("/") ? "/*" : path + "/*");
    server.setHandler(context);
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      throw new IllegalStateException(
          "cannot serve the dashboard on " + bindAddress + ":" + port + ": " + e.getMessage(), e);
    }
    return new DashboardServer(server, connector, path);
  }

  /** The port it listens on (the one chosen, when started with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    String host =
        connector.getHost().contains(":") ? "[" + connector.getHost() + "]" : connector.getHost();
    return URI.create(
        "http://" + host + ":" + port() + (mountPath.equals("/") ? "/" : mountPath + "/"));
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() {
    stopQuietly(server);
  }

  private static String normalize(String mountPath) {
    Objects.requireNonNull(mountPath, "mountPath");
    String path = mountPath.strip();
    if (!path.startsWith("/") || path.contains("*") || path.contains("//")) {
      throw new IllegalArgumentException(
          "mountPath must start with / and hold no * or //, but was '" + mountPath + "'");
    }
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("the dashboard server did not stop cleanly", e);
    }
  }
}

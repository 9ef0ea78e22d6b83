package io.autotune.dashboard;

import io.autotune.spi.CheckpointStore;
import io.autotune.spi.GpuMonitor;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard: a read-only JSON API under {@code api/} and the page that shows it, served from
 * this jar. Mount it under any path with a trailing wildcard, in any context:
 *
 * <pre>{@code
 * context.addServlet(new ServletHolder(new DashboardServlet(store, gpus,
 *     DashboardOptions.fromEnvironment())), "/dashboard/*");
 * }</pre>
 *
 * <p>The page links to its assets and the API by relative URLs, so it works wherever it is mounted.
 * Only GET (and HEAD) are answered; with a bearer token set, the API answers 401 to a request
 * without it (the page and its assets hold no data and are served to anyone, and the page asks for
 * the token). Errors are logged and answered with a generic JSON message, never a stack trace.
 *
 * <p>Thread-safe: it holds no request state.
 */
public class DashboardServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(DashboardServlet.class);

  /** No inline script or style, nothing from elsewhere: a second wall behind escaping. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final transient Api api;
  private final transient StaticAssets assets;
  private final transient DashboardOptions options;

  public DashboardServlet(CheckpointStore store, GpuMonitor gpus, DashboardOptions options) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(gpus, "gpus");
    this.options = Objects.requireNonNull(options, "options");
    this.api = new Api(store, gpus, options, WorkerProbe.onThisHost(options.lateHeartbeat()));
    this.assets = StaticAssets.load();
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      addSecurityHeaders(response);
      response.setHeader("Allow", "GET, HEAD");
      writeError(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "the dashboard is read-only");
      return;
    }
    super.service(request, response);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    addSecurityHeaders(response);
    String path = relativePath(request);
    try {
      if (path.isEmpty()) {
        redirectToSlash(request, response);
      } else if (path.startsWith("/api/")) {
        answerApi(path, request, response);
      } else {
        serveAsset(path, response);
      }
    } catch (Api.BadRequest e) {
      writeError(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("dashboard request {} failed", path, e);
      if (!response.isCommitted()) {
        response.reset();
        addSecurityHeaders(response);
        writeError(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "internal error");
      }
    }
  }

  private void answerApi(String path, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    if (!authorized(request)) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"autotune\"");
      writeError(response, HttpServletResponse.SC_UNAUTHORIZED, "a bearer token is required");
      return;
    }
    Optional<Object> answer = api.answer(path, Optional.ofNullable(request.getParameter("hours")));
    if (answer.isEmpty()) {
      writeError(response, HttpServletResponse.SC_NOT_FOUND, "not found");
      return;
    }
    if (answer.get() instanceof Download file) {
      response.setHeader("Content-Disposition", file.contentDisposition());
      write(response, HttpServletResponse.SC_OK, file.contentType(), file.body());
      return;
    }
    byte[] body = Json.MAPPER.writeValueAsBytes(answer.get());
    write(response, HttpServletResponse.SC_OK, "application/json", body);
  }

  private void serveAsset(String path, HttpServletResponse response) throws IOException {
    Optional<StaticAssets.Asset> asset = assets.find(path);
    if (asset.isEmpty()) {
      writeError(response, HttpServletResponse.SC_NOT_FOUND, "not found");
      return;
    }
    response.setHeader("Cache-Control", "no-cache");
    write(response, HttpServletResponse.SC_OK, asset.get().contentType(), asset.get().bytes());
  }

  private boolean authorized(HttpServletRequest request) {
    if (options.bearerToken().isEmpty()) {
      return true;
    }
    String header = Optional.ofNullable(request.getHeader("Authorization")).orElse("");
    byte[] expected = ("Bearer " + options.bearerToken().get()).getBytes(StandardCharsets.UTF_8);
    // constant time, so that the answer's timing tells nothing about the token
    return MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The path below the servlet: {@code /}, {@code /api/tasks} ... With a path mapping such as
   * {@code /dashboard/*} it is the path info; as the default servlet ({@code /}) the servlet path.
   */
  static String relativePath(HttpServletRequest request) {
    HttpServletMapping mapping = request.getHttpServletMapping();
    if (mapping != null && mapping.getMappingMatch() == MappingMatch.DEFAULT) {
      return request.getServletPath();
    }
    return Optional.ofNullable(request.getPathInfo()).orElse("");
  }

  // "/ctx/dashboard" → "/ctx/dashboard/", so that the page's relative URLs resolve below it
  private static void redirectToSlash(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String uri = request.getRequestURI();
    String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
    response.sendRedirect(uri.substring(uri.lastIndexOf('/') + 1) + "/" + query);
  }

  private static void addSecurityHeaders(HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
  }

  private void writeError(HttpServletResponse response, int status, String message)
      throws IOException {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("timestamp", Json.time(options.clock().instant()));
    error.put("status", status);
    error.put("error", message);
    response.setHeader("Cache-Control", "no-store");
    write(response, status, "application/json", Json.MAPPER.writeValueAsBytes(error));
  }

  private static void write(HttpServletResponse response, int status, String type, byte[] body)
      throws IOException {
    response.setStatus(status);
    response.setContentType(type);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}

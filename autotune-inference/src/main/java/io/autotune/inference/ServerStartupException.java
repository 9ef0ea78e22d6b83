package io.autotune.inference;

import io.autotune.AutotuneException;
import java.util.OptionalInt;

/**
 * The inference server did not become ready: it exited, or it did not answer before the
 * experiment's deadline. Carries the exit code (if it exited) and the last lines of its log.
 * Immutable.
 */
public class ServerStartupException extends AutotuneException {
  private static final long serialVersionUID = 1L;

  private final transient OptionalInt exitCode;
  private final String logTail;

  public ServerStartupException(String message, OptionalInt exitCode, String logTail) {
    super(
        logTail.isEmpty()
            ? message
            : message + "\n--- last lines of the server log ---\n" + logTail);
    this.exitCode = exitCode;
    this.logTail = logTail;
  }

  /** The server's exit code, if it exited. */
  public OptionalInt exitCode() {
    return exitCode;
  }

  /** The last lines of the server's log ("" if it wrote nothing). */
  public String logTail() {
    return logTail;
  }
}

package io.autotune;

/** The base of every exception autotune throws for a failure (not for API misuse). */
public class AutotuneException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AutotuneException(String message) {
    super(message);
  }

  public AutotuneException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.autotune;

/** A checkpoint store could not be read or written (for example the database is unreachable). */
public class StoreException extends AutotuneException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}

package io.autotune;

/** A task (or search space) definition is invalid; {@link #path()} names where, as a JSON path. */
public final class InvalidTaskException extends AutotuneException {
  private static final long serialVersionUID = 1L;
  private final String path;

  public InvalidTaskException(String path, String problem) {
    super(path.isEmpty() ? problem : path + ": " + problem);
    this.path = path;
  }

  /** Where the problem is, e.g. {@code parameters.tp-size}; empty for the document as a whole. */
  public String path() {
    return path;
  }
}

package io.autotune.store.jdbc;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * H2 file URLs in automatic mixed mode: the first process that opens the file serves it to the
 * others over a local socket, so that {@code status} or the dashboard can read a store while a
 * {@code run} on the same host writes it. Without it a second process gets "The file is locked".
 */
final class H2Urls {
  /**
   * A database in a file of this host: {@code jdbc:h2:file:PATH}, or a bare path ({@code ./x},
   * {@code ~/x}, {@code /x}). In-memory ({@code mem:}), remote ({@code tcp:}, {@code ssl:}) and
   * other file systems' URLs are left alone.
   */
  private static final Pattern FILE = Pattern.compile("jdbc:h2:(file:|\\.|~|/).*");

  private H2Urls() {}

  /**
   * {@code url} with {@code ;AUTO_SERVER=TRUE} added if it names an H2 file and says nothing of
   * AUTO_SERVER or FILE_LOCK (H2 refuses AUTO_SERVER with some file locks): {@code
   * ;AUTO_SERVER=FALSE} keeps a file to one process. Other URLs are returned as they are.
   */
  static String shared(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (!FILE.matcher(lower).matches()
        || lower.contains(";auto_server=")
        || lower.contains(";file_lock=")) {
      return url;
    }
    return url + ";AUTO_SERVER=TRUE";
  }
}

package io.autotune.inference;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file, read without loading a large file whole. */
final class LogTail {

  private static final int MAX_BYTES = 16 * 1024;

  private LogTail() {}

  /** The last {@code lines} lines of {@code file}, joined by newlines; "" if unreadable. */
  static String of(Path file, int lines) {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long length = raf.length();
      int size = (int) Math.min(length, MAX_BYTES);
      byte[] bytes = new byte[size];
      raf.seek(length - size);
      raf.readFully(bytes);
      List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())).strip();
    } catch (IOException e) {
      return "";
    }
  }
}

package io.autotune.gpu.nvml;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The fake libnvidia-ml of src/test/c, compiled with gcc once per test JVM into target/fake-nvml
 * (on JNA's search path through surefire's jna.library.path) and, without the process listing, into
 * target/fake-nvml-old. Tests skip when gcc is missing. Its controls are called through JNA.
 */
final class FakeNvml {
  static final Path SOURCE = Path.of("src/test/c/fake_nvml.c");
  static final Path DIRECTORY = Path.of("target/fake-nvml").toAbsolutePath();
  static final Path LIBRARY = DIRECTORY.resolve("libnvidia-ml.so");
  static final Path OLD_LIBRARY = Path.of("target/fake-nvml-old/libnvidia-ml.so").toAbsolutePath();
  static final int ERROR_DRIVER_NOT_LOADED = 9;

  private static boolean built;

  private FakeNvml() {}

  /** Builds the libraries if this JVM has not yet; skips the test without gcc. */
  static synchronized void build() throws IOException, InterruptedException {
    if (!built) {
      compile(LIBRARY);
      compile(OLD_LIBRARY, "-DFAKE_WITHOUT_PROCESSES");
      built = true;
    }
    reset();
  }

  static List<String> names() {
    return List.of(LIBRARY.toString());
  }

  static void reset() {
    call("fake_nvml_reset");
  }

  static int initCalls() {
    return control().getFunction("fake_nvml_init_calls").invokeInt(new Object[0]);
  }

  static int shutdownCalls() {
    return control().getFunction("fake_nvml_shutdown_calls").invokeInt(new Object[0]);
  }

  static void setInitResult(int result) {
    control().getFunction("fake_nvml_set_init_result").invokeVoid(new Object[] {result});
  }

  static void setProcessesAppearing(int count) {
    control().getFunction("fake_nvml_set_processes_appearing").invokeVoid(new Object[] {count});
  }

  private static void call(String function) {
    control().getFunction(function).invokeVoid(new Object[0]);
  }

  private static NativeLibrary control() {
    return NativeLibrary.getInstance(LIBRARY.toString());
  }

  private static void compile(Path library, String... flags)
      throws IOException, InterruptedException {
    Files.createDirectories(library.getParent());
    List<String> command =
        new java.util.ArrayList<>(
            List.of("gcc", "-shared", "-fPIC", "-Wall", "-Werror", "-o", library.toString()));
    command.addAll(List.of(flags));
    command.add(SOURCE.toString());
    Process gcc;
    try {
      gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "gcc is needed to build the fake libnvidia-ml: " + e.getMessage());
      return;
    }
    String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (gcc.waitFor() != 0) {
      throw new IllegalStateException("gcc failed: " + output);
    }
  }
}

package io.autotune.gpu.nvml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A fake nvidia-smi: a shell script that prints recorded outputs (src/test/resources/nvidia-smi)
 * for exactly the queries autotune makes, and fails for anything else.
 */
final class FakeNvidiaSmi {
  private FakeNvidiaSmi() {}

  /** A script in {@code directory} answering with the recorded {@code gpus} and {@code apps}. */
  static List<String> answering(Path directory, String gpus, String apps) throws IOException {
    copy(gpus, directory.resolve("gpus.csv"));
    copy(apps, directory.resolve("apps.csv"));
    String format = "--format=csv,noheader,nounits";
    return script(
        directory,
        String.join(
            "\n",
            "#!/bin/sh",
            "here=$(dirname \"$0\")",
            "[ \"$2\" = \"" + format + "\" ] || { echo \"bad format: $2\"; exit 2; }",
            "case \"$1\" in",
            "  --query-gpu=" + NvidiaSmiCsv.GPU_FIELDS + ") cat \"$here/gpus.csv\" ;;",
            "  --query-compute-apps=" + NvidiaSmiCsv.APP_FIELDS + ") cat \"$here/apps.csv\" ;;",
            "  *) echo \"unexpected query: $1\"; exit 2 ;;",
            "esac",
            ""));
  }

  /** A script that fails the way nvidia-smi does on a host whose driver is not loaded. */
  static List<String> failing(Path directory) throws IOException {
    return script(
        directory,
        "#!/bin/sh\n"
            + "echo \"NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver."
            + " Make sure that the latest NVIDIA driver is installed and running.\"\n"
            + "exit 9\n");
  }

  private static List<String> script(Path directory, String text) throws IOException {
    Path script = directory.resolve("nvidia-smi");
    Files.writeString(script, text);
    if (!script.toFile().setExecutable(true)) {
      throw new IOException("cannot make " + script + " executable");
    }
    return List.of(script.toString());
  }

  private static void copy(String resource, Path target) throws IOException {
    try (InputStream in = FakeNvidiaSmi.class.getResourceAsStream("/nvidia-smi/" + resource)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}

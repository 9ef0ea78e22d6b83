package io.autotune.testing;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Asks the OS about process groups, for tests that check nothing of a child outlived it. */
public final class ProcessGroups {
  private ProcessGroups() {}

  /** Whether any process of group {@code group} is alive ({@code kill -0 -- -GROUP}). */
  public static boolean alive(long group) throws IOException, InterruptedException {
    Process probe =
        new ProcessBuilder("kill", "-0", "--", "-" + group)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    return probe.waitFor(5, TimeUnit.SECONDS) && probe.exitValue() == 0;
  }
}

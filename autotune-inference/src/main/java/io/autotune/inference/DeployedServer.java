package io.autotune.inference;

import java.net.URI;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An experiment's inference server, wherever it was launched: a local process group ({@link
 * LocalServerRunner}), a Docker container ({@link DockerServerRunner}) or a Kubernetes pod
 * (KubernetesServerRunner). The readiness wait, the benchmark and the teardown ({@link
 * ServerExperiment}) are the same for all three. Implementations are thread-safe: the tuning loop
 * may remove a server from another thread while its experiment still waits on it.
 */
interface DeployedServer {

  /** Where it answers, once that is known (a pod's address is known once it was scheduled). */
  Optional<URI> base();

  /** How it ended, if it has ended on its own (exited, its pod failed). */
  Optional<Exit> exit();

  /**
   * What it is doing now, said after "did not become ready" when the deadline passes (a pod that
   * was never scheduled says why); empty when there is nothing to add.
   */
  default String state() {
    return "";
  }

  /** The last {@code lines} lines of its output; "" when there are none or they are unreadable. */
  String logTail(int lines);

  /**
   * Removes the server and whatever it started, waiting (a bounded time) until it is gone. Never
   * throws, runs to its end on an interrupted thread, and may be called more than once.
   */
  void remove();

  /**
   * How a server ended: its exit code if known, and what happened in words ("exited with code 3").
   */
  record Exit(OptionalInt code, String description) {

    static Exit code(int code) {
      return new Exit(OptionalInt.of(code), "exited with code " + code);
    }
  }
}

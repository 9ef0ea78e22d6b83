package io.autotune.inference;

import io.autotune.AutotuneException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

/** Local TCP ports: finding a free one, checking and awaiting that one is free. Thread-safe. */
final class Ports {

  private Ports() {}

  /** A port that was free a moment ago (the OS picks it). */
  static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new AutotuneException("could not find a free local port: " + e.getMessage(), e);
    }
  }

  /** Whether nothing listens on {@code port} (a bind to all interfaces succeeds). */
  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new java.net.InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Waits up to {@code timeout} for {@code port} to be free; returns whether it is. */
  static boolean awaitFree(int port, Duration timeout) {
    Instant end = Instant.now().plus(timeout);
    while (!isFree(port)) {
      if (Instant.now().isAfter(end)) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return isFree(port);
      }
    }
    return true;
  }
}

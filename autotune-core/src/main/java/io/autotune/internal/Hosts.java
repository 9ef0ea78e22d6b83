package io.autotune.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name of this host, as recorded with the processes an experiment starts. */
public final class Hosts {
  private static final String LOCAL = resolve();

  private Hosts() {}

  public static String localName() {
    return LOCAL;
  }

  private static String resolve() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}

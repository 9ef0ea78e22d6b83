package io.autotune.store.jdbc.cluster;

import io.autotune.store.jdbc.PostgresServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A worker JVM started by a test ({@link WorkerMain}), with signals to send it. */
final class WorkerProcess {
  final String id;
  final Process process;

  private WorkerProcess(String id, Process process) {
    this.id = id;
    this.process = process;
  }

  static WorkerProcess start(
      String id,
      String url,
      Path dir,
      int slots,
      Duration ttl,
      Duration grace,
      Map<String, String> env)
      throws IOException {
    return start(
        id, url, PostgresServer.USER, PostgresServer.PASSWORD, dir, slots, ttl, grace, env);
  }

  static WorkerProcess start(
      String id,
      String url,
      String user,
      String password,
      Path dir,
      int slots,
      Duration ttl,
      Duration grace,
      Map<String, String> env)
      throws IOException {
    return start(id, url, user, password, dir, slots, ttl, grace, env, List.of());
  }

  /** A worker with {@code extra} arguments for {@link WorkerMain}, e.g. {@code --gpus 2}. */
  static WorkerProcess start(
      String id,
      String url,
      String user,
      String password,
      Path dir,
      int slots,
      Duration ttl,
      Duration grace,
      Map<String, String> env,
      List<String> extra)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of("-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
    command.add(WorkerMain.class.getName());
    command.addAll(
        List.of(
            "--url",
            url,
            "--user",
            user,
            "--password",
            password,
            "--slots",
            Integer.toString(slots),
            "--ttl-ms",
            Long.toString(ttl.toMillis()),
            "--grace-ms",
            Long.toString(grace.toMillis()),
            "--work",
            dir.resolve("runs").toString(),
            "--worker-id",
            id));
    command.addAll(extra);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(id + ".log").toFile());
    builder.environment().putAll(env);
    return new WorkerProcess(id, builder.start());
  }

  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM, then waits for the graceful stop. */
  void stop(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("worker " + id + " did not stop within " + timeout);
    }
  }

  void signal(String name) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
  }
}

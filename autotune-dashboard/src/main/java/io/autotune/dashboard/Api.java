package io.autotune.dashboard;

import io.autotune.spi.CheckpointStore;
import io.autotune.spi.GpuMonitor;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Routes {@code api/...} paths to their answers. Thread-safe. */
final class Api {
  private static final Pattern TASK =
      Pattern.compile(
          "/api/tasks/([^/]+?)(/experiments(?:\\.(csv|json)|/(\\d{1,9}))?|/importance)?");
  private static final int MAX_HOURS = 24 * 31;

  private final CheckpointStore store;
  private final GpuMonitor gpus;
  private final DashboardOptions options;
  private final WorkerProbe workers;

  Api(CheckpointStore store, GpuMonitor gpus, DashboardOptions options, WorkerProbe workers) {
    this.store = store;
    this.gpus = gpus;
    this.options = options;
    this.workers = workers;
  }

  /** The answer to a GET of {@code path} (starting with /api/), or empty if there is none. */
  Optional<Object> answer(String path, Optional<String> hoursParameter) {
    Instant now = options.clock().instant();
    return switch (path) {
      case "/api/gpu-status" -> Optional.of(GpuStatus.sample(gpus, now));
      case "/api/worker-status" -> Optional.of(workers.look(store.workers(), now));
      case "/api/db-statistics" -> {
        Instant storeNow = TaskLog.abandonDeadOwners(store);
        yield Optional.of(
            Statistics.of(TaskLog.readAll(store), now, Duration.ofHours(24), storeNow));
      }
      case "/api/experiment-timeline" ->
          Optional.of(
              Timeline.of(
                  TaskLog.readAll(store),
                  now,
                  Duration.ofHours(hours(hoursParameter)),
                  options.zone(),
                  options.timelineBars()));
      case "/api/system/info" ->
          Optional.of(
              SystemInfo.of(now, options.zone(), gpus.name(), options.bearerToken().isPresent()));
      case "/api/tasks" -> {
        Instant leaseNow = TaskLog.abandonDeadOwners(store);
        yield Optional.of(TaskViews.list(TaskLog.readAll(store), now, leaseNow));
      }
      default -> task(path, now);
    };
  }

  /**
   * {@code api/tasks/{id}}, {@code .../experiments}, {@code .../experiments.csv} or {@code .json},
   * {@code .../experiments/{n}} and {@code .../importance}.
   */
  private Optional<Object> task(String path, Instant now) {
    Matcher m = TASK.matcher(path);
    if (!m.matches()) {
      return Optional.empty();
    }
    Instant storeNow = TaskLog.abandonDeadOwners(store);
    Optional<TaskLog> task = store.task(m.group(1)).map(t -> TaskLog.read(store, t));
    String below = Optional.ofNullable(m.group(2)).orElse("");
    if (below.isEmpty()) {
      return task.map(log -> TaskViews.detail(log, now, storeNow));
    } else if (below.equals("/importance")) {
      return task.map(log -> Importance.of(log.task().spec(), log.experiments(), Json.time(now)));
    } else if (m.group(3) != null) {
      return task.map(log -> Download.of(log, m.group(3), now));
    } else if (m.group(4) != null) {
      return task.flatMap(log -> TaskViews.experiment(log, Integer.parseInt(m.group(4)), now));
    }
    return task.map(log -> TaskViews.experiments(log, now));
  }

  /**
   * The {@code hours} parameter: 24 when absent; between 1 and 744 (31 days).
   *
   * @throws BadRequest naming the problem
   */
  static int hours(Optional<String> parameter) {
    OptionalInt hours = parameter.map(Api::parse).orElse(OptionalInt.of(24));
    if (hours.isEmpty() || hours.getAsInt() < 1 || hours.getAsInt() > MAX_HOURS) {
      throw new BadRequest("hours must be a whole number from 1 to " + MAX_HOURS);
    }
    return hours.getAsInt();
  }

  /** A request the API cannot answer as asked: a 400 with this message, which names no data. */
  static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message, null, false, false);
    }
  }

  private static OptionalInt parse(String text) {
    try {
      return OptionalInt.of(Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }
}

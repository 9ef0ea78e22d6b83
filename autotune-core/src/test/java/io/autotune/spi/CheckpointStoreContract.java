package io.autotune.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autotune.DuplicateExperimentException;
import io.autotune.LeaseLostException;
import io.autotune.model.Experiment;
import io.autotune.model.ExperimentLease;
import io.autotune.model.ExperimentStatus;
import io.autotune.model.Lease;
import io.autotune.model.ProcessRef;
import io.autotune.model.Task;
import io.autotune.model.TaskStatus;
import io.autotune.model.WorkerInfo;
import io.autotune.space.Configuration;
import io.autotune.testing.TestSpecs;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link CheckpointStore} must have. An implementation's test extends this
 * class and says how to make a fresh store, how long its grace period is and how to let time pass.
 */
public abstract class CheckpointStoreContract {

  /** A lease no test outlives: for tests that are not about expiry, however slow the machine. */
  private static final Duration HELD = Duration.ofMinutes(5);

  protected CheckpointStore store;

  /** A fresh, empty store. */
  protected abstract CheckpointStore newStore() throws Exception;

  /** The store's grace period after a lease expires. */
  protected abstract Duration grace();

  /** A lease TTL short enough to let expire in a test (only the expiry tests use it). */
  protected Duration ttl() {
    return Duration.ofSeconds(30);
  }

  /** Lets {@code duration} pass by the store's clock (sleeps, or moves a test clock). */
  protected abstract void advance(Duration duration) throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = newStore();
  }

  @AfterEach
  void closeStore() throws Exception {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void createdTaskIsPendingAndListed() {
    Task task = store.createTask(TestSpecs.simple("t1"));
    assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(task.owner()).isEmpty();
    assertThat(store.task(task.id()))
        .hasValueSatisfying(t -> assertThat(t.spec()).isEqualTo(task.spec()));
    assertThat(store.tasks()).extracting(Task::id).containsExactly(task.id());
    assertThat(store.task("no-such-task")).isEmpty();
  }

  @Test
  void acquiringMakesTheTaskRunningWithTheNextEpoch() {
    Task task = store.createTask(TestSpecs.simple("t"));
    Lease lease = store.acquire(task.id(), "w1", HELD).orElseThrow();
    assertThat(lease.epoch()).isEqualTo(1);
    Task running = store.task(task.id()).orElseThrow();
    assertThat(running.status()).isEqualTo(TaskStatus.RUNNING);
    assertThat(running.owner()).contains("w1");
    assertThat(running.epoch()).isEqualTo(1);
    store.release(lease);
    assertThat(store.acquire(task.id(), "w2", HELD).orElseThrow().epoch()).isEqualTo(2);
  }

  @Test
  void aHeldLeaseIsNotGrantedToAnotherWorker() {
    Task task = store.createTask(TestSpecs.simple("t"));
    assertThat(store.acquire(task.id(), "w1", HELD)).isPresent();
    assertThat(store.acquire(task.id(), "w2", HELD)).isEmpty();
  }

  @Test
  void anExpiredLeaseIsGrantedAgainOnlyAfterTheGracePeriod() throws Exception {
    Task task = store.createTask(TestSpecs.simple("t"));
    assertThat(store.acquire(task.id(), "w1", ttl())).isPresent();
    advance(ttl().plusMillis(50));
    assertThat(store.acquire(task.id(), "w2", ttl())).as("within the grace period").isEmpty();
    advance(grace().plusMillis(50));
    assertThat(store.acquire(task.id(), "w2", ttl()))
        .hasValueSatisfying(l -> assertThat(l.epoch()).isEqualTo(2));
  }

  @Test
  void renewingExtendsTheLease() throws Exception {
    Task task = store.createTask(TestSpecs.simple("t"));
    Lease lease = store.acquire(task.id(), "w1", ttl()).orElseThrow();
    advance(ttl().dividedBy(2));
    Lease renewed = store.renew(lease, ttl());
    assertThat(renewed.expiresAt()).isAfter(lease.expiresAt());
    advance(ttl().dividedBy(2).plusMillis(50));
    assertThat(store.acquire(task.id(), "w2", ttl())).isEmpty();
    store.saveCheckpoint(renewed, "{}");
  }

  @Test
  void everyFencedWriteOfAStaleOwnerIsRejectedAndChangesNothing() throws Exception {
    Task task = store.createTask(TestSpecs.simple("t"));
    Lease old = store.acquire(task.id(), "w1", ttl()).orElseThrow();
    store.insertExperiment(old, pending(task.id(), 1, old));
    store.saveCheckpoint(old, "old");
    advance(ttl().plus(grace()).plusMillis(100));
    Lease current = store.acquire(task.id(), "w2", HELD).orElseThrow();

    assertThatThrownBy(() -> store.insertExperiment(old, pending(task.id(), 2, old)))
        .isInstanceOf(LeaseLostException.class);
    Experiment running =
        store.experiments(task.id()).get(0).inPhase(ExperimentStatus.DEPLOYING, now());
    assertThatThrownBy(() -> store.updateExperiment(old, running))
        .isInstanceOf(LeaseLostException.class);
    assertThatThrownBy(() -> store.saveCheckpoint(old, "stale"))
        .isInstanceOf(LeaseLostException.class);
    assertThatThrownBy(() -> store.renew(old, ttl()))
        .isInstanceOfSatisfying(
            LeaseLostException.class,
            e -> {
              assertThat(e.taskId()).isEqualTo(task.id());
              assertThat(e.workerId()).isEqualTo("w1");
              assertThat(e.epoch()).isEqualTo(1);
            });
    assertThatThrownBy(() -> store.finishTask(old, TaskStatus.COMPLETED))
        .isInstanceOf(LeaseLostException.class);
    store.release(old);

    assertThat(store.experiments(task.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.status()).isEqualTo(ExperimentStatus.PENDING));
    assertThat(store.checkpoint(task.id())).contains("old");
    Task t = store.task(task.id()).orElseThrow();
    assertThat(t.status()).isEqualTo(TaskStatus.RUNNING);
    assertThat(t.owner()).contains("w2");
    store.saveCheckpoint(current, "new");
    assertThat(store.checkpoint(task.id())).contains("new");
  }

  @Test
  void aWriteAfterTheLeaseExpiredIsRejectedEvenIfNobodyTookOver() throws Exception {
    Task task = store.createTask(TestSpecs.simple("t"));
    Lease lease = store.acquire(task.id(), "w1", ttl()).orElseThrow();
    advance(ttl().plusMillis(100));
    assertThatThrownBy(() -> store.saveCheckpoint(lease, "late"))
        .isInstanceOf(LeaseLostException.class);
    assertThatThrownBy(() -> store.renew(lease, ttl())).isInstanceOf(LeaseLostException.class);
  }

  @Test
  void theUnfinishedExperimentsOfAnOwnerWhoseLeaseExpiredAreAbandonedOnlyThen() throws Exception {
    Task task = store.createTask(TestSpecs.simple("t"));
    Lease dead = store.acquire(task.id(), "w1", ttl()).orElseThrow();
    Experiment done = pending(task.id(), 1, dead);
    store.insertExperiment(dead, done);
    store.updateExperiment(dead, succeeded(done));
    store.insertExperiment(dead, pending(task.id(), 2, dead));
    assertThat(store.abandonDeadOwners()).as("while the lease is live").isEmpty();
    assertThat(store.task(task.id()).orElseThrow().ownerDead(store.now())).isFalse();

    advance(ttl().plusMillis(100));
    Task expired = store.task(task.id()).orElseThrow();
    assertThat(expired.ownerDead(store.now())).isTrue();
    List<Experiment> marked = store.abandonDeadOwners();
    assertThat(marked).extracting(Experiment::number).containsExactly(2);
    assertThat(store.experiments(task.id()))
        .extracting(Experiment::status)
        .containsExactly(ExperimentStatus.SUCCEEDED, ExperimentStatus.ABANDONED);
    Experiment abandoned = store.experiments(task.id()).get(1);
    assertThat(abandoned).isEqualTo(marked.get(0));
    assertThat(abandoned.finishedAt()).isPresent();
    assertThat(abandoned.error()).hasValueSatisfying(m -> assertThat(m).contains("w1", "expired"));
    assertThat(store.abandonDeadOwners()).as("nothing left to mark").isEmpty();
    assertThat(store.task(task.id()).orElseThrow())
        .as("the lease is left as it was")
        .isEqualTo(expired);
    assertThatThrownBy(() -> store.updateExperiment(dead, succeeded(abandoned)))
        .isInstanceOf(LeaseLostException.class);

    assertThat(store.acquire(task.id(), "w2", ttl())).as("still within the grace").isEmpty();
    advance(grace().plusMillis(100));
    Lease next = store.acquire(task.id(), "w2", HELD).orElseThrow();
    assertThat(next.epoch()).isEqualTo(2);
    store.insertExperiment(next, pending(task.id(), 3, next));
    assertThat(store.abandonDeadOwners()).as("a live owner is never overruled").isEmpty();
    assertThat(store.experiments(task.id()).get(2).status()).isEqualTo(ExperimentStatus.PENDING);
  }

  @Test
  void aReleasedLeaseLeavesNobodyToFinishItsExperiments() {
    Task task = store.createTask(TestSpecs.simple("t"));
    Task other = store.createTask(TestSpecs.simple("u"));
    Lease released = store.acquire(task.id(), "w1", HELD).orElseThrow();
    Lease live = store.acquire(other.id(), "w1", HELD).orElseThrow();
    store.insertExperiment(released, pending(task.id(), 1, released));
    store.insertExperiment(live, pending(other.id(), 1, live));
    store.release(released);
    assertThat(store.abandonDeadOwners())
        .singleElement()
        .satisfies(e -> assertThat(e.taskId()).isEqualTo(task.id()))
        .satisfies(
            e -> assertThat(e.error()).hasValueSatisfying(m -> assertThat(m).contains("released")));
    assertThat(store.experiments(other.id()).get(0).status()).isEqualTo(ExperimentStatus.PENDING);
  }

  @Test
  void experimentNumbersAreUniquePerTask() {
    Task task = store.createTask(TestSpecs.simple("t"));
    Task other = store.createTask(TestSpecs.simple("u"));
    Lease lease = store.acquire(task.id(), "w1", HELD).orElseThrow();
    Lease otherLease = store.acquire(other.id(), "w1", HELD).orElseThrow();
    store.insertExperiment(lease, pending(task.id(), 1, lease));
    store.insertExperiment(otherLease, pending(other.id(), 1, otherLease));
    assertThatThrownBy(() -> store.insertExperiment(lease, pending(task.id(), 1, lease)))
        .isInstanceOf(DuplicateExperimentException.class);
    assertThat(store.experiments(task.id())).hasSize(1);
  }

  @Test
  void anExperimentRoundTripsWithEveryField() {
    Task task = store.createTask(TestSpecs.simple("t"));
    Lease lease = store.acquire(task.id(), "w1", HELD).orElseThrow();
    Experiment e = pending(task.id(), 1, lease);
    store.insertExperiment(lease, e);
    assertThat(store.experiments(task.id())).containsExactly(e);

    Instant t1 = now().plusSeconds(1);
    Experiment deploying =
        e.inPhase(ExperimentStatus.DEPLOYING, t1)
            .withProcesses(List.of(new ProcessRef("host-a", 4242, t1)))
            .withGpus(List.of(0, 3));
    store.updateExperiment(lease, deploying);
    Experiment done =
        deploying
            .inPhase(ExperimentStatus.BENCHMARKING, t1.plusSeconds(2))
            .finished(
                ExperimentStatus.SUCCEEDED,
                t1.plusSeconds(5),
                Map.of("value", 0.25, "ttft", 1.5),
                OptionalDouble.of(0.25),
                Optional.empty());
    store.updateExperiment(lease, done);
    assertThat(store.experiments(task.id())).containsExactly(done);
  }

  @Test
  void aStatusOnlyMovesForward() {
    Task task = store.createTask(TestSpecs.simple("t"));
    Lease lease = store.acquire(task.id(), "w1", HELD).orElseThrow();
    Experiment e = pending(task.id(), 1, lease);
    store.insertExperiment(lease, e);
    Experiment failed =
        e.finished(
            ExperimentStatus.FAILED, now(), Map.of(), OptionalDouble.empty(), Optional.of("boom"));
    store.updateExperiment(lease, failed);
    assertThatThrownBy(
            () -> store.updateExperiment(lease, e.inPhase(ExperimentStatus.DEPLOYING, now())))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.experiments(task.id())).containsExactly(failed);
  }

  @Test
  void finishingSetsTheFinalStatusAndReleasesTheLease() {
    Task task = store.createTask(TestSpecs.simple("t"));
    Lease lease = store.acquire(task.id(), "w1", HELD).orElseThrow();
    store.finishTask(lease, TaskStatus.COMPLETED);
    Task done = store.task(task.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(done.owner()).isEmpty();
    assertThat(store.acquire(task.id(), "w2", HELD)).as("a final task is not granted").isEmpty();
    assertThat(store.claim("w2", HELD)).isEmpty();
  }

  @Test
  void cancellationIsFlaggedForTheOwner() {
    Task task = store.createTask(TestSpecs.simple("t"));
    assertThat(store.acquire(task.id(), "w1", HELD)).isPresent();
    store.requestCancel(task.id());
    assertThat(store.task(task.id()).orElseThrow().cancelRequested()).isTrue();
  }

  @Test
  void claimTakesAFreeRunnableTaskOnly() {
    Task held = store.createTask(TestSpecs.simple("held"));
    assertThat(store.acquire(held.id(), "w1", HELD)).isPresent();
    Task free = store.createTask(TestSpecs.simple("free"));
    Lease lease = store.claim("w2", HELD).orElseThrow();
    assertThat(lease.taskId()).isEqualTo(free.id());
    assertThat(store.claim("w3", HELD)).isEmpty();
  }

  @Test
  void checkpointsRoundTrip() {
    Task task = store.createTask(TestSpecs.simple("t"));
    assertThat(store.checkpoint(task.id())).isEmpty();
    Lease lease = store.acquire(task.id(), "w1", HELD).orElseThrow();
    store.saveCheckpoint(lease, "{\"next\": 3}");
    assertThat(store.checkpoint(task.id())).contains("{\"next\": 3}");
  }

  @Test
  void workersAreRemembered() {
    Instant start = now();
    WorkerInfo w = new WorkerInfo("w1", "host-a", 123, start, start, Optional.empty());
    store.heartbeat(w);
    WorkerInfo later =
        new WorkerInfo("w1", "host-a", 123, start, start.plusSeconds(5), Optional.empty());
    store.heartbeat(later);
    assertThat(store.workers()).containsExactly(later);
  }

  @Test
  void concurrentAcquirersGetOneLease() throws Exception {
    Task task = store.createTask(TestSpecs.simple("t"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Optional<Lease>>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String worker = "w" + i;
        calls.add(() -> store.acquire(task.id(), worker, HELD));
      }
      long granted = 0;
      for (Future<Optional<Lease>> f : pool.invokeAll(calls)) {
        granted += f.get().isPresent() ? 1 : 0;
      }
      assertThat(granted).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Now, at millisecond precision (every store keeps at least that). */
  protected Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  // ---- experiments shared among workers

  private static Proposer runs(double x) {
    return (task, log) -> new Proposer.Run(Configuration.of(Map.of("x", x, "mode", true)));
  }

  @Test
  void aProposalRecordsAPendingExperimentUnderALeaseOfItsOwn() {
    Task task = store.createTask(TestSpecs.simple("t"));
    List<Integer> seen = new ArrayList<>();
    ExperimentLease first = store.propose(task.id(), "w1", HELD, runs(1)).orElseThrow();
    ExperimentLease second =
        store
            .propose(
                task.id(),
                "w2",
                HELD,
                (t, log) -> {
                  log.forEach(e -> seen.add(e.number()));
                  return new Proposer.Run(Configuration.of(Map.of("x", 2.0, "mode", true)));
                })
            .orElseThrow();
    assertThat(seen).as("the second proposer sees the first as pending").containsExactly(1);
    assertThat(List.of(first.number(), second.number())).containsExactly(1, 2);
    assertThat(second.epoch()).isGreaterThan(first.epoch());
    Experiment recorded = store.experiments(task.id()).get(1);
    assertThat(recorded.status()).isEqualTo(ExperimentStatus.PENDING);
    assertThat(recorded.workerId()).isEqualTo("w2");
    assertThat(recorded.epoch()).isEqualTo(second.epoch());
    Task running = store.task(task.id()).orElseThrow();
    assertThat(running.status()).isEqualTo(TaskStatus.RUNNING);
    assertThat(running.owner()).as("no single owner").isEmpty();
  }

  @Test
  void aTaskIsRunEitherByOneOwnerOrByExperimentLeasesNeverBoth() throws Exception {
    Task task = store.createTask(TestSpecs.simple("t"));
    Lease owner = store.acquire(task.id(), "w1", HELD).orElseThrow();
    assertThat(
            store.propose(
                task.id(),
                "w2",
                HELD,
                (t, log) -> {
                  throw new AssertionError("asked to propose while w1 holds the task");
                }))
        .isEmpty();
    store.release(owner);
    ExperimentLease shared = store.propose(task.id(), "w2", ttl(), runs(1)).orElseThrow();
    assertThat(store.acquire(task.id(), "w1", HELD)).as("an experiment lease is live").isEmpty();
    advance(ttl().plusMillis(50));
    assertThat(store.acquire(task.id(), "w1", HELD)).as("within the grace period").isEmpty();
    advance(grace().plusMillis(50));
    Lease next = store.acquire(task.id(), "w1", HELD).orElseThrow();
    assertThat(next.epoch()).isGreaterThan(shared.epoch());
  }

  @Test
  void anExperimentLeaseFencesEveryWriteOnItsExperiment() throws Exception {
    Task task = store.createTask(TestSpecs.simple("t"));
    ExperimentLease lease = store.propose(task.id(), "w1", ttl(), runs(1)).orElseThrow();
    ExperimentLease other = store.propose(task.id(), "w2", HELD, runs(2)).orElseThrow();
    Experiment pending = store.experiments(task.id()).get(0);
    store.updateExperiment(lease, pending.inPhase(ExperimentStatus.DEPLOYING, now()));
    ExperimentLease stale =
        new ExperimentLease(task.id(), 1, "w1", lease.epoch() - 1, lease.expiresAt());
    assertThatThrownBy(() -> store.updateExperiment(stale, succeeded(pending)))
        .isInstanceOf(LeaseLostException.class);
    assertThatThrownBy(() -> store.updateExperiment(other, succeeded(pending)))
        .as("another experiment's lease")
        .isInstanceOf(IllegalArgumentException.class);

    advance(ttl().dividedBy(2));
    ExperimentLease renewed = store.renew(lease, ttl());
    assertThat(renewed.expiresAt()).isAfter(lease.expiresAt());
    advance(ttl().dividedBy(2).plusMillis(50));
    assertThat(store.abandonDeadOwners()).as("renewed: still live").isEmpty();

    advance(ttl());
    assertThatThrownBy(() -> store.renew(renewed, ttl())).isInstanceOf(LeaseLostException.class);
    List<Experiment> marked = store.abandonDeadOwners();
    assertThat(marked).extracting(Experiment::number).as("only the expired one").containsExactly(1);
    assertThat(marked.get(0).error())
        .hasValueSatisfying(m -> assertThat(m).contains("w1", "expired"));
    Experiment abandoned = store.experiments(task.id()).get(0);
    assertThat(abandoned.status()).isEqualTo(ExperimentStatus.ABANDONED);
    assertThatThrownBy(() -> store.updateExperiment(renewed, succeeded(abandoned)))
        .isInstanceOf(LeaseLostException.class);
    assertThat(store.experiments(task.id()).get(1).status()).isEqualTo(ExperimentStatus.PENDING);
  }

  @Test
  void aProposalMarksDeadExperimentsFirstAndCanFinishOrWait() throws Exception {
    Task task = store.createTask(TestSpecs.simple("t"));
    assertThat(store.propose(task.id(), "w1", ttl(), runs(1))).isPresent();
    advance(ttl().plusMillis(50));
    List<ExperimentStatus> seen = new ArrayList<>();
    assertThat(
            store.propose(
                task.id(),
                "w2",
                HELD,
                (t, log) -> {
                  log.forEach(e -> seen.add(e.status()));
                  return new Proposer.Wait("testing");
                }))
        .isEmpty();
    assertThat(seen).containsExactly(ExperimentStatus.ABANDONED);
    assertThat(store.task(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.RUNNING);
    store.propose(task.id(), "w2", HELD, (t, log) -> new Proposer.Finish(TaskStatus.COMPLETED));
    assertThat(store.task(task.id()).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(
            store.propose(
                task.id(),
                "w2",
                HELD,
                (t, log) -> {
                  throw new AssertionError("asked to propose for a final task");
                }))
        .isEmpty();
  }

  @Test
  void concurrentProposalsNeverShareANumberOrAnEpoch() throws Exception {
    Task task = store.createTask(TestSpecs.simple("t"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<ExperimentLease>>> futures = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        String worker = "w" + w;
        futures.add(
            pool.submit(
                () -> {
                  List<ExperimentLease> mine = new ArrayList<>();
                  for (int i = 0; i < 5; i++) {
                    mine.add(store.propose(task.id(), worker, HELD, runs(i)).orElseThrow());
                  }
                  return mine;
                }));
      }
      List<ExperimentLease> all = new ArrayList<>();
      for (Future<List<ExperimentLease>> f : futures) {
        all.addAll(f.get());
      }
      assertThat(all).extracting(ExperimentLease::number).doesNotHaveDuplicates().hasSize(40);
      assertThat(all).extracting(ExperimentLease::epoch).doesNotHaveDuplicates();
      assertThat(store.experiments(task.id())).hasSize(40);
    } finally {
      pool.shutdownNow();
    }
  }

  private Experiment succeeded(Experiment e) {
    return e.finished(
        ExperimentStatus.SUCCEEDED,
        now(),
        Map.of("value", 1.0),
        OptionalDouble.of(1.0),
        Optional.empty());
  }

  private Experiment pending(String taskId, int number, Lease lease) {
    Configuration c = Configuration.of(Map.of("x", 1.5, "mode", true));
    return Experiment.pending(taskId, number, c, now(), lease.workerId(), lease.epoch());
  }
}

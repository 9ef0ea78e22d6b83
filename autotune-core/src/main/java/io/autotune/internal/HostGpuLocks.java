package io.autotune.internal;

import io.autotune.spi.GpuInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Locks on this host's GPUs that every autotune process of the host sees: one file per GPU (named
 * by its UUID, which does not change with {@code CUDA_VISIBLE_DEVICES}) in a shared directory,
 * locked with {@link FileChannel#tryLock()}. The operating system releases the lock when its
 * process dies, so a worker killed with SIGKILL never keeps a GPU from the others. Thread-safe.
 */
final class HostGpuLocks {
  private final Path directory;
  private final Map<String, FileLock> held = new HashMap<>();

  HostGpuLocks(Path directory) {
    this.directory = directory;
  }

  /** Locks {@code gpu} for this process; false if another process (or allocator) holds it. */
  synchronized boolean tryLock(GpuInfo gpu) {
    String name = fileName(gpu);
    if (held.containsKey(name)) {
      return false;
    }
    FileChannel channel = null;
    try {
      Files.createDirectories(directory);
      channel =
          FileChannel.open(
              directory.resolve(name), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      Optional<FileLock> lock = Optional.ofNullable(channel.tryLock());
      if (lock.isPresent()) {
        held.put(name, lock.get());
        return true;
      }
    } catch (OverlappingFileLockException e) {
      // another allocator of this JVM holds it: as busy as a lock of another process
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock GPU " + gpu.index() + " in " + directory, e);
    }
    closeQuietly(channel);
    return false;
  }

  /** Whether no process (this one included) holds {@code gpu} now; a moment later it may. */
  synchronized boolean isFree(GpuInfo gpu) {
    if (!tryLock(gpu)) {
      return false;
    }
    unlock(gpu);
    return true;
  }

  /** Unlocks {@code gpu} if this object locked it. */
  synchronized void unlock(GpuInfo gpu) {
    FileLock lock = held.remove(fileName(gpu));
    if (lock != null) {
      closeQuietly(lock.channel());
    }
  }

  private static String fileName(GpuInfo gpu) {
    String id = gpu.uuid().isBlank() ? "index-" + gpu.index() : gpu.uuid();
    return id.replaceAll("[^A-Za-z0-9._-]", "_") + ".lock";
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close(); // releases the lock
      } catch (IOException ignored) {
        // the lock goes with the channel or the process anyway
      }
    }
  }
}

package io.autotune.inference;

import io.autotune.spi.ExperimentRunner;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The core runner contract, through the real tuning loop: the local runner's server and
 * configurations, in "containers" of the fake docker CLI.
 */
class DockerServerRunnerContractTest extends LocalServerRunnerContractTest {

  @Override
  protected ExperimentRunner runner() {
    try {
      return DockerServerRunner.builder()
          .server((LocalServerRunner) super.runner())
          .image("scripted")
          .docker(FakeDocker.in(work.resolve("bin")).binary())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

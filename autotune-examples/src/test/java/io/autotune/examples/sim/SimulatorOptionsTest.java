package io.autotune.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The simulated server's command line. */
class SimulatorOptionsTest {

  @Test
  void theRadixCacheIsOnUnlessDisabledByAFlagWithoutAValue() {
    SimulatorOptions plain = SimulatorOptions.parse(new String[] {"--tp-size", "2"});
    SimulatorOptions disabled =
        SimulatorOptions.parse(
            new String[] {"--disable-radix-cache", "--tp_size", "4", "--time-scale", "5"});

    assertThat(plain.radixCache()).isTrue();
    assertThat(disabled.radixCache()).isFalse();
    assertThat(disabled.model().tpSize()).isEqualTo(4);
    assertThat(disabled.timeScale()).isEqualTo(5.0);
  }

  @Test
  void defaultsAndNames() {
    SimulatorOptions options =
        SimulatorOptions.parse(new String[] {"--model-path", "/m", "--port", "8001"});

    assertThat(options.port()).isEqualTo(8001);
    assertThat(options.host()).isEqualTo("127.0.0.1");
    assertThat(options.modelName()).isEqualTo("/m");
    assertThat(options.model()).isEqualTo(ServingModel.fromFlags(java.util.Map.of()));
  }

  @Test
  void unknownFlagsMissingValuesAndBareWordsAreErrors() {
    assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--enable-magic"}))
        .hasMessageStartingWith("unrecognized argument: --enable-magic")
        .hasMessageContaining("--disable-radix-cache");
    assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--port"}))
        .hasMessage("argument --port expects a value");
    assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"tp-size", "2"}))
        .hasMessageStartingWith("unrecognized argument: tp-size");
  }
}

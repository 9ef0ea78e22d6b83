package io.autotune.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The simulated tokenizer's counts, ids and refusals. */
class SimTokenizerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void eachWordIsOneTokenPerFourCharactersRoundedUp() {
    assertThat(SimTokenizer.encode("a the four fives sixsixsixsix ninechars"))
        .hasSize(1 + 1 + 1 + 2 + 3 + 3);
    assertThat(SimTokenizer.encode("  \n ")).isEmpty();
  }

  @Test
  void equalWordsGiveEqualIdsInsideTheWordRange() {
    int[] first = SimTokenizer.encode("alpha beta alpha");
    int[] second = SimTokenizer.encode("alpha\tbeta  alpha");

    assertThat(first).isEqualTo(second);
    assertThat(first[0]).isEqualTo(first[3]).isNotEqualTo(first[1]);
    assertThat(Arrays.stream(SimTokenizer.encode("many different words make different ids here")))
        .allSatisfy(id -> assertThat(id).isBetween(1000, SimTokenizer.VOCAB_SIZE - 1));
  }

  @Test
  void chatAddsThreeTokensPerMessageAndFourForTheTemplate() throws Exception {
    JsonNode one = json("{\"messages\":[{\"role\":\"user\",\"content\":\"hi you all\"}]}");
    JsonNode two =
        json(
            "{\"messages\":[{\"role\":\"system\",\"content\":\"be kind\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi all\"}]}]}");

    assertThat(SimTokenizer.prompt(one)).hasSize(3 + 3 + 4);
    assertThat(SimTokenizer.prompt(two)).hasSize(2 + 2 + 2 * 3 + 4);
  }

  @Test
  void tokenIdPromptsAreTakenAsTheyAre() throws Exception {
    assertThat(SimTokenizer.prompt(json("{\"prompt\":[0,17,127999]}")))
        .containsExactly(0, 17, 127999);
    assertThat(SimTokenizer.prompt(json("{\"text\":\"one two\"}"))).hasSize(2);
  }

  @Test
  void idsOutsideTheVocabularyAndOtherJunkAreRefused() {
    assertThatThrownBy(() -> SimTokenizer.prompt(json("{\"prompt\":[5,128000]}")))
        .hasMessage("token id 128000 at position 1 is out of vocabulary [0, 128000)");
    assertThatThrownBy(() -> SimTokenizer.prompt(json("{\"prompt\":[-1]}")))
        .hasMessageContaining("token id -1 at position 0");
    assertThatThrownBy(() -> SimTokenizer.prompt(json("{\"prompt\":[1.5]}")))
        .hasMessageContaining("element 0 is 1.5");
    assertThatThrownBy(() -> SimTokenizer.prompt(json("{\"prompt\":[[1,2]]}")))
        .hasMessageContaining("array of token ids");
    assertThatThrownBy(() -> SimTokenizer.prompt(json("{\"prompt\":7}")))
        .hasMessageContaining("must be a string");
    assertThatThrownBy(() -> SimTokenizer.prompt(json("{\"max_tokens\":7}")))
        .hasMessageContaining("no prompt");
    assertThatThrownBy(() -> SimTokenizer.prompt(json("{\"prompt\":\" \"}")))
        .hasMessage("the prompt is empty");
    assertThatThrownBy(() -> SimTokenizer.prompt(json("{\"messages\":[]}")))
        .hasMessageContaining("non-empty array");
  }

  @Test
  void promptsPastTheContextLengthAreRefused() {
    String fits = "word ".repeat(SimTokenizer.MAX_MODEL_LEN);

    assertThat(SimTokenizer.prompt(JSON.createObjectNode().put("prompt", fits)))
        .hasSize(SimTokenizer.MAX_MODEL_LEN);
    assertThatThrownBy(
            () -> SimTokenizer.prompt(JSON.createObjectNode().put("prompt", fits + "more")))
        .hasMessageContaining("maximum context length is 32768 tokens")
        .hasMessageContaining("32769");
  }
}

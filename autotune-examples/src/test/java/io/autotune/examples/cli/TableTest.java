package io.autotune.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {

  @Test
  void columnsAreAsWideAsTheirWidestCellAndNumbersAlignRight() {
    Table table = new Table("#", "score", "configuration").alignRight(0, 1);
    table.row("1", "0.912", "{a=1}").row("10", "12.5", "{a=22, b=x}");

    assertThat(table.toString().lines())
        .containsExactly(
            "   #  score  configuration",
            "  --  -----  -------------",
            "   1  0.912  {a=1}",
            "  10   12.5  {a=22, b=x}");
  }

  @Test
  void cellsArePrintedAsTheyAreEvenWhenTheyLookLikePicocliMarkup() {
    Table table = new Table("value").row("@|bold x|@");

    assertThat(table.toString().lines()).contains("  @|bold x|@");
  }

  @Test
  void aRowWithTheWrongNumberOfCellsIsRejected() {
    assertThatThrownBy(() -> new Table("a", "b").row("1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a row needs 2 cells, but had 1");
  }
}

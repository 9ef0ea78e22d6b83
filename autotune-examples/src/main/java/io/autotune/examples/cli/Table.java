package io.autotune.examples.cli;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A plain-text table: columns as wide as their widest cell, a rule under the header, chosen columns
 * right-aligned (numbers), no trailing spaces. Not thread-safe.
 *
 * <p>Kept instead of picocli's {@code CommandLine.Help.TextTable} (measured with picocli 4.7.7):
 *
 * <ul>
 *   <li>TextTable reads picocli markup in every cell, even with {@code Ansi.OFF}: the cell {@code
 *       {prompt=@|bold x|@, tag=a}} prints as {@code {prompt=x, tag=a}}. Configurations and error
 *       messages come from users and runners, so a table of them must print text as it is.
 *   <li>Its columns have fixed widths given up front (it wraps or truncates what does not fit), so
 *       the caller still measures every cell, as here.
 *   <li>A column has a width, an indent and an overflow rule but no alignment: right-aligned
 *       numbers need padding by the caller, as here.
 *   <li>It has no header rule; that would be one more row of dashes.
 * </ul>
 *
 * <p>What TextTable does that this class also does: trim trailing spaces. For cells without markup
 * the two print the same lines.
 */
final class Table {
  private final List<String[]> rows = new ArrayList<>();
  private final BitSet right = new BitSet();

  Table(String... header) {
    rows.add(header);
  }

  /** Right-aligns the given columns (0-based), header included; the default is left. */
  Table alignRight(int... columns) {
    for (int column : columns) {
      right.set(column);
    }
    return this;
  }

  Table row(String... cells) {
    if (cells.length != rows.get(0).length) {
      throw new IllegalArgumentException(
          "a row needs " + rows.get(0).length + " cells, but had " + cells.length);
    }
    rows.add(cells);
    return this;
  }

  @Override
  public String toString() {
    int[] width = widths();
    String[] rule = new String[width.length];
    for (int i = 0; i < width.length; i++) {
      rule[i] = "-".repeat(width[i]);
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      line(out, rows.get(r), width);
      if (r == 0) {
        line(out, rule, width);
      }
    }
    return out.toString();
  }

  private int[] widths() {
    int[] width = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < width.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    return width;
  }

  private void line(StringBuilder out, String[] cells, int[] width) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      String pad = " ".repeat(width[i] - cells[i].length());
      line.append("  ").append(right.get(i) ? pad + cells[i] : cells[i] + pad);
    }
    out.append(line.toString().stripTrailing()).append(System.lineSeparator());
  }
}

package io.autotune.examples.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns. */
final class Table {
  private final List<String[]> rows = new ArrayList<>();

  Table(String... header) {
    rows.add(header);
  }

  Table row(String... cells) {
    rows.add(cells);
    return this;
  }

  @Override
  public String toString() {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      for (int i = 0; i < columns; i++) {
        out.append("  ").append(String.format("%-" + width[i] + "s", rows.get(r)[i]));
      }
      out.append(System.lineSeparator());
      if (r == 0) {
        for (int i = 0; i < columns; i++) {
          out.append("  ").append("-".repeat(width[i]));
        }
        out.append(System.lineSeparator());
      }
    }
    return out.toString();
  }
}

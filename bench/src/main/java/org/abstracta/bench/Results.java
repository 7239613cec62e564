package org.abstracta.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rows of one benchmark: printed as an aligned table and appended to a JSON-lines results file,
 * each row tagged with the benchmark, the run label and the time.
 */
final class Results {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String bench;
  private final String run;
  private final List<Map<String, Object>> rows = new ArrayList<>();

  Results(String bench, String run) {
    this.bench = bench;
    this.run = run;
  }

  /** Adds a row; values are printed in insertion order, doubles with up to three decimals. */
  Map<String, Object> row() {
    Map<String, Object> row = new LinkedHashMap<>();
    rows.add(row);
    return row;
  }

  void print(PrintStream out) {
    if (rows.isEmpty()) return;
    List<String> columns = new ArrayList<>(rows.get(0).keySet());
    for (Map<String, Object> r : rows) {
      for (String k : r.keySet()) if (!columns.contains(k)) columns.add(k);
    }
    int[] width = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      width[i] = columns.get(i).length();
      for (Map<String, Object> r : rows) {
        width[i] = Math.max(width[i], cell(r.get(columns.get(i))).length());
      }
    }
    StringBuilder header = new StringBuilder();
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      header.append(String.format(Locale.ROOT, "%-" + width[i] + "s  ", columns.get(i)));
      rule.append("-".repeat(width[i])).append("  ");
    }
    out.println(header.toString().stripTrailing());
    out.println(rule.toString().stripTrailing());
    for (Map<String, Object> r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns.size(); i++) {
        Object v = r.get(columns.get(i));
        String c = cell(v);
        line.append(
            v instanceof Number
                ? String.format(Locale.ROOT, "%" + width[i] + "s  ", c)
                : String.format(Locale.ROOT, "%-" + width[i] + "s  ", c));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /** Appends every row to {@code file} as JSON lines; no file, no writing. */
  void append(Path file) throws IOException {
    if (file == null) return;
    if (file.getParent() != null) Files.createDirectories(file.getParent());
    StringBuilder lines = new StringBuilder();
    String now = Instant.now().toString();
    for (Map<String, Object> r : rows) {
      Map<String, Object> tagged = new LinkedHashMap<>();
      tagged.put("bench", bench);
      tagged.put("run", run);
      tagged.put("time", now);
      tagged.putAll(r);
      lines.append(JSON.writeValueAsString(tagged)).append('\n');
    }
    Files.writeString(
        file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static String cell(Object v) {
    if (v == null) return "";
    if (v instanceof Double d) return String.format(Locale.ROOT, "%.3f", d);
    if (v instanceof Float f) return String.format(Locale.ROOT, "%.3f", f);
    return v.toString();
  }
}

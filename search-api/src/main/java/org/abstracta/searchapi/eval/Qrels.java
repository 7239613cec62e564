package org.abstracta.searchapi.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Relevance judgments: per query id, the judged documents and their grades. Reads BEIR's {@code
 * qrels/*.tsv} ({@code query-id corpus-id score}, with or without the header line) and TREC qrels
 * ({@code query-id iteration corpus-id score}), separated by tabs or spaces. A grade above 0 is
 * relevant (trec_eval's default relevance level 1); 0 and below are judged non-relevant.
 */
public final class Qrels {
  private final Map<String, Map<String, Integer>> byQuery;

  Qrels(Map<String, Map<String, Integer>> byQuery) {
    this.byQuery = byQuery;
  }

  /** Reads a qrels file; a line that is neither shape is an error naming {@code file:line}. */
  public static Qrels read(Path file) throws IOException {
    Map<String, Map<String, Integer>> byQuery = new LinkedHashMap<>();
    NumberedLines.read(
        file,
        (number, line) -> {
          String[] cols = line.strip().split("\\s+");
          if (cols.length != 3 && cols.length != 4) {
            throw new IOException(file + ":" + number + ": expected 3 or 4 columns, not " + line);
          }
          String grade = cols[cols.length - 1];
          if (!grade.matches("-?\\d+")) {
            if (number == 1) return; // the header: query-id corpus-id score
            throw new IOException(
                file + ":" + number + ": the grade is not a whole number: " + line);
          }
          byQuery
              .computeIfAbsent(cols[0], q -> new LinkedHashMap<>())
              .put(cols[cols.length - 2], Integer.parseInt(grade));
        });
    return new Qrels(byQuery);
  }

  /** The judged documents of {@code queryId} with their grades; empty if it has none. */
  public Map<String, Integer> judgments(String queryId) {
    return Collections.unmodifiableMap(byQuery.getOrDefault(queryId, Map.of()));
  }

  /** How many documents {@code queryId} has judged relevant (grade above 0). */
  public int relevantCount(String queryId) {
    return (int) judgments(queryId).values().stream().filter(g -> g > 0).count();
  }

  /** Judgment lines read. */
  public int size() {
    return byQuery.values().stream().mapToInt(Map::size).sum();
  }
}

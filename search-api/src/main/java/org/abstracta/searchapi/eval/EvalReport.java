package org.abstracta.searchapi.eval;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.abstracta.searchapi.eval.Evaluation.QueryResult;
import org.abstracta.searchapi.eval.Evaluation.SystemResult;
import org.abstracta.searchapi.eval.Metrics.QueryMetrics;

/** What an evaluation prints and writes: the metrics table, TREC run files, per-query metrics. */
public final class EvalReport {
  private static final List<String> MEASURES = List.of("ndcg@10", "recall@100", "mrr@10");

  private EvalReport() {}

  /** The table: one line per system, nDCG@10, Recall@100 and MRR@10 to four decimals. */
  public static void table(PrintWriter out, List<SystemResult> systems) {
    int width = "system".length();
    for (SystemResult s : systems) width = Math.max(width, s.system().length());
    String row = "%-" + width + "s  %7s  %10s  %6s%n";
    out.printf(Locale.ROOT, row, "system", "nDCG@10", "Recall@100", "MRR@10");
    for (SystemResult s : systems) {
      QueryMetrics m = s.mean();
      out.printf(Locale.ROOT, row, s.system(), fmt(m.ndcg10()), fmt(m.recall100()), fmt(m.mrr10()));
    }
  }

  /**
   * The system's rankings in TREC run format ({@code query Q0 doc rank score tag}), in trec_eval's
   * order, so {@code trec_eval -c -m ndcg_cut.10 -m recall.100 qrels run} reproduces the table.
   */
  public static void writeRun(Path file, SystemResult system) throws IOException {
    try (BufferedWriter w = writer(file)) {
      for (QueryResult r : system.queries()) {
        int rank = 0;
        for (ScoredDoc d : r.ranking()) {
          w.write(
              String.join(
                  " ",
                  r.query().id(),
                  "Q0",
                  d.docId(),
                  Integer.toString(++rank),
                  Float.toString((float) d.score()),
                  system.tag()));
          w.newLine();
        }
      }
    }
  }

  /**
   * One line per evaluated query: its id, each system's measures side by side (columns named {@code
   * <tag>_ndcg@10} …), and the query text; tab-separated, with a header.
   */
  public static void writePerQuery(Path file, List<SystemResult> systems) throws IOException {
    try (BufferedWriter w = writer(file)) {
      StringBuilder header = new StringBuilder("query");
      for (SystemResult s : systems) {
        for (String m : MEASURES) header.append('\t').append(s.tag()).append('_').append(m);
      }
      w.write(header.append("\ttext").toString());
      w.newLine();
      List<QueryResult> first = systems.getFirst().queries();
      for (int q = 0; q < first.size(); q++) {
        StringBuilder line = new StringBuilder(first.get(q).query().id());
        for (SystemResult s : systems) {
          QueryMetrics m = s.queries().get(q).metrics();
          for (double v : new double[] {m.ndcg10(), m.recall100(), m.mrr10()}) {
            line.append('\t').append(fmt(v));
          }
        }
        line.append('\t').append(first.get(q).query().text().replaceAll("\\s+", " "));
        w.write(line.toString());
        w.newLine();
      }
    }
  }

  private static BufferedWriter writer(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}

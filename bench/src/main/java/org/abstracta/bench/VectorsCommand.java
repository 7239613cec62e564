package org.abstracta.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.abstracta.indexer.embed.EmbeddingModel;
import org.abstracta.indexer.ingest.InputFile;
import org.abstracta.indexer.schema.PaperDocuments;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RescoreTopNQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The vector formats compared on real vectors: the vectors of an index the embedding stage built
 * are written again, each format into an index of its own (one segment), and searched with the
 * embedded titles of other papers. Recall@k is against exact search (every vector compared).
 */
@Command(
    name = "vectors",
    mixinStandardHelpOptions = true,
    description = {
      "Compare Lucene vector formats (plain floats; 8, 7, 4, 2 and 1 bits per dimension) on the"
          + " vectors of an embedded index: size, build time, recall@k against exact search, query"
          + " time; also the index itself as the embedding stage built it."
    })
final class VectorsCommand implements Callable<Integer> {
  @Option(names = "--index", required = true, paramLabel = "DIR", description = "embedded index")
  Path index;

  @Option(
      names = "--queries",
      required = true,
      paramLabel = "FILE",
      description = "arXiv-json of other papers: their titles are the queries")
  Path queries;

  @Option(names = "--count", paramLabel = "N", description = "queries (default: 1000)")
  int count = 1000;

  @Option(names = "--k", paramLabel = "K", description = "hits per query (default: 10)")
  int k = 10;

  @Option(names = "--work", required = true, paramLabel = "DIR", description = "scratch folder")
  Path work;

  @Mixin ResultsOptions results;

  private record Format(String name, KnnVectorsFormat format) {}

  private static final String FIELD = EmbeddingModel.BGE_SMALL_EN_V15_Q.field();

  @Override
  public Integer call() throws Exception {
    float[][] docs = vectors(index);
    float[][] q = queryVectors();
    int[][] exact = new int[q.length][];
    for (int i = 0; i < q.length; i++) exact[i] = exactTop(docs, q[i], k);
    long live = Arrays.stream(docs).filter(v -> v != null).count();
    System.out.printf("vectors: %,d documents, %,d queries, k=%d%n", live, q.length, k);
    Results table = new Results("vectors", results.run);
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      measure(table, "as built (" + reader.leaves().size() + " segments)", reader, null, q, exact);
    }
    List<Format> formats =
        List.of(
            new Format("float32", new Lucene99HnswVectorsFormat(16, 100)),
            quantized("int8", ScalarEncoding.UNSIGNED_BYTE),
            quantized("int7", ScalarEncoding.SEVEN_BIT),
            quantized("int4", ScalarEncoding.PACKED_NIBBLE),
            quantized("2-bit", ScalarEncoding.DIBIT_QUERY_NIBBLE),
            quantized("1-bit", ScalarEncoding.SINGLE_BIT_QUERY_NIBBLE));
    for (Format f : formats) {
      Path dirPath = work.resolve(f.name());
      deleteTree(dirPath);
      long t0 = System.nanoTime();
      try (Directory dir = FSDirectory.open(dirPath)) {
        build(dir, f.format(), docs);
        double buildS = (System.nanoTime() - t0) / 1e9;
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
          for (int oversample : new int[] {1, 3}) {
            var row = measure(table, f.name(), reader, oversample, q, exact);
            row.put("MB", size(dirPath, "") / 1e6);
            row.put("rawMB", size(dirPath, ".vec") / 1e6);
            row.put("quantMB", size(dirPath, ".veq") / 1e6);
            row.put("graphMB", size(dirPath, ".vex") / 1e6);
            row.put("buildS", buildS);
          }
        }
      }
      deleteTree(dirPath);
    }
    table.print(System.out);
    if (results.file != null) table.append(results.file);
    return 0;
  }

  private static Format quantized(String name, ScalarEncoding encoding) {
    return new Format(name, new Lucene104HnswScalarQuantizedVectorsFormat(encoding, 16, 100));
  }

  /** Recall and latency of {@code reader}; {@code oversample} k×n then exact rescoring. */
  private java.util.Map<String, Object> measure(
      Results table,
      String name,
      DirectoryReader reader,
      Integer oversample,
      float[][] q,
      int[][] exact)
      throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    int[] ords = ordinals(reader);
    double recall = 0;
    Latencies lat = new Latencies();
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < q.length; i++) {
        // Oversampled: the k × n nearest by the format's comparisons, the k best of them by
        // the raw floats (for float32, the same as a wider search).
        Query query =
            new KnnFloatVectorQuery(FIELD, q[i], k * (oversample == null ? 1 : oversample));
        if (oversample != null && oversample > 1) {
          query = RescoreTopNQuery.createFullPrecisionRescorerQuery(query, q[i], FIELD, k);
        }
        long t0 = System.nanoTime();
        ScoreDoc[] hits = searcher.search(query, k).scoreDocs;
        long ns = System.nanoTime() - t0;
        if (pass == 0) continue; // warm-up
        lat.add(ns);
        Set<Integer> found = new HashSet<>();
        for (ScoreDoc h : hits) found.add(ords == null ? h.doc : ords[h.doc]);
        int overlap = 0;
        for (int e : exact[i]) if (found.contains(e)) overlap++;
        recall += overlap / (double) exact[i].length;
      }
    }
    var row = table.row();
    row.put("format", name);
    row.put(
        "rescore", oversample == null ? "-" : oversample == 1 ? "no" : "top " + (k * oversample));
    row.put("recall", recall / q.length);
    row.put("meanMs", lat.totalSeconds() * 1000 / lat.count());
    row.put("p50Ms", lat.percentileMs(50));
    row.put("p99Ms", lat.percentileMs(99));
    return row;
  }

  /** Document → position in {@link #vectors} order, or null for the index as built. */
  private static int[] ordinals(DirectoryReader reader) throws IOException {
    if (reader.leaves().getFirst().reader().getNumericDocValues("ord") == null) return null;
    int[] out = new int[reader.maxDoc()];
    for (LeafReaderContext ctx : reader.leaves()) {
      NumericDocValues ord = ctx.reader().getNumericDocValues("ord");
      for (int d = ord.nextDoc(); d != NumericDocValues.NO_MORE_DOCS; d = ord.nextDoc()) {
        out[ctx.docBase + d] = (int) ord.longValue();
      }
    }
    return out;
  }

  /** Every live vector of the index as built, by global document number (deleted: null). */
  private static float[][] vectors(Path index) throws IOException {
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      float[][] out = new float[reader.maxDoc()][];
      for (LeafReaderContext ctx : reader.leaves()) {
        FloatVectorValues values = ctx.reader().getFloatVectorValues(FIELD);
        if (values == null) continue;
        Bits live = ctx.reader().getLiveDocs();
        KnnVectorValues.DocIndexIterator it = values.iterator();
        for (int d = it.nextDoc();
            d != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS;
            d = it.nextDoc()) {
          if (live == null || live.get(d))
            out[ctx.docBase + d] = values.vectorValue(it.index()).clone();
        }
      }
      return out;
    }
  }

  private float[][] queryVectors() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> titles = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(new InputFile(queries).open(), StandardCharsets.UTF_8))) {
      for (String line; titles.size() < count && (line = r.readLine()) != null; ) {
        JsonNode n = json.readTree(line);
        titles.add(n.path("title").asText().replaceAll("\\s+", " ").strip());
      }
    }
    try (EmbeddingModel model = EmbeddingModel.load()) {
      for (int i = 0; i < Math.min(50, titles.size()); i++) model.embedQuery(titles.get(i)); // JIT
      long t0 = System.nanoTime();
      float[][] out = new float[titles.size()][];
      for (int i = 0; i < out.length; i++) out[i] = model.embedQuery(titles.get(i));
      System.out.printf(
          "queries: %,d titles embedded in %.2f ms each%n",
          out.length, (System.nanoTime() - t0) / 1e6 / out.length);
      return out;
    }
  }

  private static int[] exactTop(float[][] docs, float[] q, int k) {
    int[] best = new int[k];
    float[] score = new float[k];
    Arrays.fill(best, -1);
    Arrays.fill(score, Float.NEGATIVE_INFINITY);
    for (int d = 0; d < docs.length; d++) {
      if (docs[d] == null) continue;
      float s = 0;
      for (int i = 0; i < q.length; i++) s += q[i] * docs[d][i];
      if (s <= score[k - 1]) continue;
      int at = k - 1;
      while (at > 0 && score[at - 1] < s) {
        score[at] = score[at - 1];
        best[at] = best[at - 1];
        at--;
      }
      score[at] = s;
      best[at] = d;
    }
    return best;
  }

  private static void build(Directory dir, KnnVectorsFormat format, float[][] docs)
      throws IOException {
    IndexWriterConfig config = new IndexWriterConfig();
    config.setCodec(
        new Lucene104Codec() {
          @Override
          public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            return format;
          }
        });
    config.setRAMBufferSizeMB(256);
    // Files of their own (no compound file), so each part's size shows: raw floats (.vec),
    // quantized vectors (.veq), graph (.vex).
    config.setUseCompoundFile(false);
    config.getMergePolicy().setNoCFSRatio(0);
    try (IndexWriter w = new IndexWriter(dir, config)) {
      for (int i = 0; i < docs.length; i++) {
        if (docs[i] == null) continue;
        Document doc = new Document();
        doc.add(new KnnFloatVectorField(FIELD, docs[i], PaperDocuments.VECTOR_SIMILARITY));
        doc.add(new NumericDocValuesField("ord", i));
        w.addDocument(doc);
      }
      w.forceMerge(1);
      w.commit();
    }
  }

  /** Bytes of the files of {@code dir} whose names end with {@code suffix}. */
  private static long size(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .mapToLong(p -> p.toFile().length())
          .sum();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}

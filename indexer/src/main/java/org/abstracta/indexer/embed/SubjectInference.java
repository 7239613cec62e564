package org.abstracta.indexer.embed;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.abstracta.indexer.model.InferredSubject;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.Subject;
import org.abstracta.indexer.schema.Fields;
import org.abstracta.indexer.schema.PaperDocuments;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Subjects for papers and talks that no input gave one: the {@value #NEIGHBOURS} nearest papers
 * that have subjects vote, each for all its subject codes, with weight {@code exp((cos - best) /
 * }{@value #TEMPERATURE}{@code )}, where {@code cos} is its similarity to the paper and {@code
 * best} the nearest one's: the nearest counts 1, one 0.05 less similar about 0.37. (The model's
 * cosines between unrelated abstracts are still 0.5 to 0.6, so the plain cosine would let ten far
 * neighbours outvote one close one.) A code's confidence is the share of the total weight that
 * voted for it; the codes of confidence at least {@value #MIN_CONFIDENCE}, at most {@value
 * #MAX_SUBJECTS}, most confident first, are the paper's {@link Paper#inferredSubjects()}. A subject
 * an input gave is never touched: a paper with one is not inferred, and a paper that gains one
 * loses its inferred ones ({@code PaperMerger}).
 */
final class SubjectInference {
  static final int NEIGHBOURS = 10;
  static final double MIN_CONFIDENCE = 0.3;
  static final int MAX_SUBJECTS = 3;
  static final double TEMPERATURE = 0.05;

  private SubjectInference() {}

  /**
   * Infers the subjects of every paper that has a vector of {@code model} and no subject, through
   * {@code writer} (not committed); returns how many papers' inferred subjects changed.
   */
  static long update(IndexWriter writer, ModelInfo model, PaperDocuments documents)
      throws IOException {
    String field = model.field();
    long changed = 0;
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      // Every document with a subject: a range over all subject codes.
      Query labelled = new TermRangeQuery(Fields.SUBJECT, null, null, true, true);
      boolean anyLabelled = searcher.count(labelled) > 0;
      Query unlabelled =
          new BooleanQuery.Builder()
              .add(new FieldExistsQuery(field), BooleanClause.Occur.FILTER)
              .add(labelled, BooleanClause.Occur.MUST_NOT)
              .build();
      for (int doc : liveDocs(searcher, unlabelled)) {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        int local = doc - leaf.docBase;
        Paper paper = PaperDocuments.load(leaf.reader().storedFields(), local);
        float[] vector = PaperDocuments.vectors(leaf.reader(), local).get(field);
        if (vector == null) continue;
        List<InferredSubject> inferred = List.of();
        if (anyLabelled) {
          ScoreDoc[] nearest =
              searcher.search(
                      new KnnFloatVectorQuery(field, vector, NEIGHBOURS, labelled), NEIGHBOURS)
                  .scoreDocs;
          List<Neighbour> neighbours = new ArrayList<>(nearest.length);
          for (ScoreDoc sd : nearest) {
            // Lucene scores a dot-product hit (1 + cos) / 2.
            double cosine = 2 * sd.score - 1;
            neighbours.add(new Neighbour(load(reader, sd.doc).subjects(), cosine));
          }
          inferred = vote(neighbours);
        }
        if (!inferred.equals(paper.inferredSubjects())) {
          Paper updated = paper.toBuilder().inferredSubjects(inferred).build();
          writer.updateDocument(
              PaperDocuments.idTerm(paper.id()),
              documents.toDocument(updated, Map.of(field, vector)));
          changed++;
        }
      }
    }
    return changed;
  }

  /** A labelled neighbour: its subjects and its similarity to the paper. */
  record Neighbour(List<Subject> subjects, double similarity) {}

  /** The subjects {@code neighbours} vote for, as the class comment says. */
  static List<InferredSubject> vote(List<Neighbour> neighbours) {
    double best = neighbours.stream().mapToDouble(Neighbour::similarity).max().orElse(0);
    double total = 0;
    Map<String, Double> weights = new HashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (Neighbour n : neighbours) {
      double w = Math.exp((n.similarity() - best) / TEMPERATURE);
      total += w;
      for (Subject s : n.subjects()) {
        weights.merge(s.code(), w, Double::sum);
        labels.putIfAbsent(s.code(), s.label());
      }
    }
    if (neighbours.isEmpty()) return List.of();
    List<InferredSubject> out = new ArrayList<>();
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      double confidence = round(e.getValue() / total);
      if (confidence >= MIN_CONFIDENCE) {
        out.add(new InferredSubject(e.getKey(), labels.get(e.getKey()), confidence));
      }
    }
    out.sort(
        Comparator.comparingDouble(InferredSubject::confidence)
            .reversed()
            .thenComparing(InferredSubject::code));
    return List.copyOf(out.subList(0, Math.min(MAX_SUBJECTS, out.size())));
  }

  /**
   * Two decimals: enough to read, and a neighbour found again with a hair's different score (the
   * HNSW graph changes as segments merge) does not make the paper be written again.
   */
  private static double round(double v) {
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
  }

  private static Paper load(DirectoryReader reader, int doc) throws IOException {
    LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
    return PaperDocuments.load(leaf.reader().storedFields(), doc - leaf.docBase);
  }

  /** The live documents matching {@code query}, by global document number. */
  private static List<Integer> liveDocs(IndexSearcher searcher, Query query) throws IOException {
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
    List<Integer> out = new ArrayList<>();
    for (LeafReaderContext ctx : searcher.getIndexReader().leaves()) {
      Scorer scorer = weight.scorer(ctx);
      if (scorer == null) continue;
      Bits live = ctx.reader().getLiveDocs();
      DocIdSetIterator it = scorer.iterator();
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        if (live == null || live.get(d)) out.add(ctx.docBase + d);
      }
    }
    return out;
  }
}

package org.abstracta.indexer.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.abstracta.indexer.model.InferredSubject;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.PaperJson;
import org.abstracta.indexer.model.Source;
import org.abstracta.indexer.model.Subject;
import org.abstracta.indexer.text.TitleKey;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/** Paper ↔ Lucene document: the one place that decides how each part of a paper is indexed. */
public final class PaperDocuments {
  /**
   * The version of the index layout and analysis. Change it with any change to this class or to
   * {@link Analyzers} that changes what the index holds, so indexes built by an older version are
   * rebuilt rather than reused ({@code abstracta eval} keys its cached index on it).
   */
  public static final int SCHEMA_VERSION = 1;

  /**
   * Sort value of papers without a date: after every dated paper in "newest", before in "oldest".
   */
  public static final long NO_DATE = Long.MIN_VALUE;

  /**
   * Longest id, DOI, author name, subject code and source name, in characters. Each is one Lucene
   * term or facet label, which must stay under 32,766 bytes (a facet path under 8,191 characters);
   * no real value comes near this.
   */
  public static final int MAX_KEY_LENGTH = 1_000;

  /** Longest title, in characters: its normalized form is one term ({@link Fields#TITLE_KEY}). */
  public static final int MAX_TITLE_LENGTH = 10_000;

  /**
   * How vectors are compared: every vector is unit length, so the dot product is their cosine
   * (without COSINE's normalization on each comparison). Lucene scores a hit {@code (1 + cos) / 2}.
   */
  public static final VectorSimilarityFunction VECTOR_SIMILARITY =
      VectorSimilarityFunction.DOT_PRODUCT;

  private final FacetsConfig facets = Facets.config();

  /**
   * Why {@code paper} cannot be indexed as it is, or null when it can: a value longer than a
   * document takes (see {@link #MAX_KEY_LENGTH}). Checked before a record is written, so such a
   * record is skipped with this reason instead of failing the run.
   *
   * @param titleKey the paper's {@link TitleKey}
   */
  public static String unindexable(Paper paper, String titleKey) {
    String problem = tooLong("id", paper.id(), MAX_KEY_LENGTH);
    if (problem == null) problem = tooLong("doi", paper.doi(), MAX_KEY_LENGTH);
    if (problem == null) problem = tooLong("title", paper.title(), MAX_TITLE_LENGTH);
    if (problem == null && titleKey.length() > IndexWriter.MAX_TERM_LENGTH / 3) {
      // Normalization (NFKD) can lengthen a title; a key of at most a third of the limit in
      // characters fits whatever they are (UTF-8 takes at most 3 bytes per char).
      int keyBytes = titleKey.getBytes(StandardCharsets.UTF_8).length;
      if (keyBytes > IndexWriter.MAX_TERM_LENGTH) {
        problem = "title too long to index (" + keyBytes + " bytes once normalized)";
      }
    }
    for (String author : paper.authors()) {
      if (problem == null) problem = tooLong("author name", author, MAX_KEY_LENGTH);
    }
    for (Subject s : paper.subjects()) {
      if (problem == null) problem = tooLong("subject code", s.code(), MAX_KEY_LENGTH);
    }
    for (InferredSubject s : paper.inferredSubjects()) {
      if (problem == null) problem = tooLong("subject code", s.code(), MAX_KEY_LENGTH);
    }
    for (Source s : paper.sources()) {
      if (problem == null) problem = tooLong("source", s.facetValue(), MAX_KEY_LENGTH);
    }
    return problem;
  }

  private static String tooLong(String what, String value, int max) {
    if (value == null || value.length() <= max) return null;
    return String.format(
        Locale.ROOT,
        "%s too long to index (%,d characters, at most %,d)",
        what,
        value.length(),
        max);
  }

  /** The term that identifies a paper's document, for updateDocument and deletes. */
  public static Term idTerm(String id) {
    return new Term(Fields.ID, id);
  }

  /** The document for {@code paper} without vectors. */
  public Document toDocument(Paper paper) throws IOException {
    return toDocument(paper, Map.of());
  }

  /**
   * The document for {@code paper} with {@code vectors} (vector field → unit-length vector); facet
   * fields already translated by the facet config.
   */
  public Document toDocument(Paper paper, Map<String, float[]> vectors) throws IOException {
    Document doc = new Document();
    // Exact-match keys: not tokenized, not stored (the id is in the stored JSON).
    doc.add(new StringField(Fields.ID, paper.id(), Field.Store.NO));
    doc.add(new SortedDocValuesField(Fields.ID, new BytesRef(paper.id())));
    if (paper.doi() != null && !paper.doi().equals(paper.id())) {
      doc.add(new StringField(Fields.ALIAS, paper.doi(), Field.Store.NO));
    }
    String titleKey = TitleKey.of(paper.title());
    if (!titleKey.isEmpty()) doc.add(new StringField(Fields.TITLE_KEY, titleKey, Field.Store.NO));

    // Full text: not stored here (the JSON has it; highlighting re-analyzes the stored text).
    if (paper.title() != null) doc.add(new TextField(Fields.TITLE, paper.title(), Field.Store.NO));
    if (paper.abstractText() != null) {
      doc.add(new TextField(Fields.ABSTRACT, paper.abstractText(), Field.Store.NO));
    }
    for (String author : paper.authors()) {
      doc.add(new TextField(Fields.AUTHORS, author, Field.Store.NO));
      doc.add(new SortedSetDocValuesFacetField(Facets.AUTHOR, author));
    }

    addSubjects(doc, Fields.SUBJECT, Facets.SUBJECT, paper.subjects());
    addSubjects(
        doc,
        Fields.INFERRED_SUBJECT,
        Facets.INFERRED_SUBJECT,
        paper.inferredSubjects().stream().map(s -> new Subject(s.code(), s.label())).toList());

    if (paper.date() != null) {
      doc.add(new IntPoint(Fields.YEAR, paper.date().getYear()));
      doc.add(new NumericDocValuesField(Fields.DATE, paper.date().toEpochDay()));
      doc.add(new SortedSetDocValuesFacetField(Facets.YEAR, Integer.toString(paper.year())));
    } else {
      doc.add(new NumericDocValuesField(Fields.DATE, NO_DATE));
    }
    doc.add(new SortedSetDocValuesFacetField(Facets.TYPE, paper.type().value()));
    doc.add(new SortedSetDocValuesFacetField(Facets.HAS_CODE, Boolean.toString(paper.hasCode())));
    Set<String> sourceValues = new LinkedHashSet<>();
    for (Source s : paper.sources()) sourceValues.add(s.facetValue());
    for (String v : sourceValues) doc.add(new SortedSetDocValuesFacetField(Facets.SOURCE, v));

    doc.add(new StoredField(Fields.SOURCE, PaperJson.toBytes(paper)));
    // Vectors: one field per model (Fields#vector); HNSW graph and format per PaperCodec.
    for (Map.Entry<String, float[]> v : vectors.entrySet()) {
      doc.add(new KnnFloatVectorField(v.getKey(), v.getValue(), VECTOR_SIMILARITY));
    }
    return facets.build(doc);
  }

  /**
   * Subject codes at both levels as terms of {@code field}, and the hierarchical facet {@code dim}.
   */
  private static void addSubjects(Document doc, String field, String dim, List<Subject> subjects) {
    Set<String> codes = new LinkedHashSet<>();
    for (Subject s : subjects) {
      codes.add(s.archive());
      codes.add(s.code());
      if (s.code().equals(s.archive())) {
        doc.add(new SortedSetDocValuesFacetField(dim, s.code()));
      } else {
        doc.add(new SortedSetDocValuesFacetField(dim, s.archive(), s.code()));
      }
    }
    for (String code : codes) doc.add(new StringField(field, code, Field.Store.NO));
  }

  /**
   * The text a paper's vector is made from: its title and abstract, a blank line apart; null when
   * both are blank (such a paper gets no vector). A paper rewritten with the same embedded text
   * keeps its vector ({@code IndexRun}); with another, it is embedded again.
   */
  public static String embeddedText(Paper paper) {
    String title = paper.title() == null ? "" : paper.title().strip();
    String abs = paper.abstractText() == null ? "" : paper.abstractText().strip();
    if (title.isEmpty() && abs.isEmpty()) return null;
    if (title.isEmpty()) return abs;
    return abs.isEmpty() ? title : title + "\n\n" + abs;
  }

  /** The vectors document {@code doc} of {@code leaf} holds, by field (empty when none). */
  public static Map<String, float[]> vectors(LeafReader leaf, int doc) throws IOException {
    Map<String, float[]> out = new TreeMap<>();
    for (FieldInfo fi : leaf.getFieldInfos()) {
      if (fi.getVectorDimension() == 0 || !fi.name.startsWith(Fields.VECTOR_PREFIX)) continue;
      FloatVectorValues values = leaf.getFloatVectorValues(fi.name);
      if (values == null) continue;
      KnnVectorValues.DocIndexIterator it = values.iterator();
      if (it.advance(doc) == doc) out.put(fi.name, values.vectorValue(it.index()).clone());
    }
    return out;
  }

  /** The paper stored in document {@code docId}. */
  public static Paper load(StoredFields stored, int docId) throws IOException {
    BytesRef json = stored.document(docId, Set.of(Fields.SOURCE)).getBinaryValue(Fields.SOURCE);
    return PaperJson.fromBytes(json.bytes, json.offset, json.length);
  }
}

package org.abstracta.indexer.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.abstracta.indexer.index.IndexOptions;
import org.abstracta.indexer.index.IndexRun;
import org.abstracta.indexer.index.IndexWriterFactory;
import org.abstracta.indexer.index.IndexerException;
import org.abstracta.indexer.index.PaperCodec;
import org.abstracta.indexer.model.InferredSubject;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.Subject;
import org.abstracta.indexer.schema.Fields;
import org.abstracta.indexer.schema.PaperDocuments;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding stage with the real model over a real index of 13 papers (10 labelled in three
 * fields, a talk without subjects, a paper without words, a paper three windows long).
 */
class EmbedRunTest {
  static final Path PAPERS = Path.of("src", "test", "resources", "embed", "papers.jsonl");
  static final int PAPERS_WITH_TEXT = 12;
  static final String TALK = "t-talk-robot-hands";

  private static EmbeddingModel model;

  @TempDir Path tmp;

  @BeforeAll
  static void load() {
    model = TestModel.get();
  }

  private Path index() {
    return tmp.resolve("index");
  }

  private void index(Path input) throws IndexerException {
    IndexRun.run(
        List.of(input), IndexOptions.defaults(index()).withAsOf(LocalDate.of(2026, 11, 22)));
  }

  private EmbedSummary embed(Embedder embedder, int batch) throws IndexerException {
    return EmbedRun.run(EmbedOptions.defaults(index()).withBatch(batch), embedder);
  }

  private DirectoryReader reader() throws IOException {
    return DirectoryReader.open(FSDirectory.open(index()));
  }

  private int vectors(String field) throws IOException {
    try (DirectoryReader r = reader()) {
      return IndexedVectors.count(r, field);
    }
  }

  private Paper paper(String id) throws IOException {
    try (DirectoryReader r = reader()) {
      IndexSearcher s = new IndexSearcher(r);
      ScoreDoc[] hits = s.search(new TermQuery(PaperDocuments.idTerm(id)), 2).scoreDocs;
      assertEquals(1, hits.length, id);
      return PaperDocuments.load(r.storedFields(), hits[0].doc);
    }
  }

  /** A copy of the fixture with {@code from} replaced by {@code to}. */
  private Path edited(String from, String to) throws IOException {
    String text = Files.readString(PAPERS);
    assertTrue(text.contains(from), from);
    Path out = tmp.resolve("edited.jsonl");
    Files.writeString(out, text.replace(from, to));
    return out;
  }

  @Test
  void every_paper_with_text_gets_a_vector_in_batches_and_a_paraphrase_finds_its_paper()
      throws Exception {
    index(PAPERS);
    long before;
    try (DirectoryReader r = reader()) {
      before = r.getIndexCommit().getGeneration();
    }
    CountingEmbedder counting = new CountingEmbedder(model);
    EmbedSummary s = embed(counting, 5);
    assertEquals(PAPERS_WITH_TEXT, s.embedded());
    assertEquals(1, s.noText()); // the paper whose title is two zero-width spaces
    assertEquals(PAPERS_WITH_TEXT, s.withVectors());
    assertEquals(13, s.documents());
    assertEquals(13, counting.texts.get());
    try (DirectoryReader r = reader()) {
      // Batches of 5 over 13 papers: 3 commits, the commit of the inferred subjects, then that of
      // the merge into one segment (the run rewrote every paper: SmallSegmentMerges).
      assertEquals(before + 5, r.getIndexCommit().getGeneration());
      assertEquals(1, r.leaves().size());
      assertEquals(13, r.numDocs());
      assertEquals(13, r.maxDoc() - r.numDeletedDocs());
      Map<String, String> data = r.getIndexCommit().getUserData();
      assertEquals(model.model().field(), data.get("abstracta.vectors.field"));
      assertEquals("BAAI/bge-small-en-v1.5", data.get("abstracta.vectors.model"));
      assertEquals("384", data.get("abstracta.vectors.dimension"));
      assertEquals("DOT_PRODUCT", data.get("abstracta.vectors.similarity"));
      assertEquals("1", data.get("abstracta.schema")); // the keyword indexer's keys are kept
      // Written in the chosen format (PaperCodec), named in each segment for any reader.
      FieldInfo info =
          r.leaves().getFirst().reader().getFieldInfos().fieldInfo(model.model().field());
      assertEquals(
          PaperCodec.VECTOR_FORMAT.getName(),
          info.getAttribute(PerFieldKnnVectorsFormat.PER_FIELD_FORMAT_KEY));
      assertEquals(384, info.getVectorDimension());
      assertEquals(PaperDocuments.VECTOR_SIMILARITY, info.getVectorSimilarityFunction());
      IndexSearcher searcher = new IndexSearcher(r);
      float[] query = model.embedQuery("a four-legged robot that learns to walk up stairs");
      ScoreDoc[] top =
          searcher.search(new KnnFloatVectorQuery(model.model().field(), query, 3), 3).scoreDocs;
      assertEquals("2401.00002", PaperDocuments.load(r.storedFields(), top[0].doc).id());
    }
    assertEquals("\u200b\u200b", paper("2401.00011").title()); // kept, without a vector
  }

  @Test
  void a_second_run_finds_nothing_to_embed() throws Exception {
    index(PAPERS);
    embed(model, 256);
    CountingEmbedder counting = new CountingEmbedder(model);
    EmbedSummary s = embed(counting, 256);
    assertEquals(0, s.embedded());
    assertEquals(1, counting.texts.get()); // only the paper without words is looked at again
    assertEquals(PAPERS_WITH_TEXT, s.withVectors());
  }

  @Test
  void reindexing_unchanged_input_keeps_every_vector_and_embeds_nothing() throws Exception {
    index(PAPERS);
    embed(model, 256);
    Paper talk = paper(TALK);
    index(PAPERS);
    assertEquals(PAPERS_WITH_TEXT, vectors(model.model().field()));
    assertEquals(talk, paper(TALK)); // inferred subjects kept too
    // A record rewritten with the same title and abstract (here: another author) keeps its vector.
    index(
        edited("\"speakers\": [\"Ada Example\"]", "\"speakers\": [\"Ada Example\", \"B. Other\"]"));
    assertEquals(PAPERS_WITH_TEXT, vectors(model.model().field()));
    try (DirectoryReader r = reader()) {
      // The keyword run's commit keeps the stage's description of the vectors.
      Map<String, String> data = r.getIndexCommit().getUserData();
      assertEquals(model.model().field(), data.get("abstracta.vectors.field"));
    }
    CountingEmbedder counting = new CountingEmbedder(model);
    assertEquals(0, embed(counting, 256).embedded());
    assertEquals(1, counting.texts.get());
  }

  @Test
  void a_changed_abstract_loses_its_vector_and_is_embedded_again() throws Exception {
    index(PAPERS);
    embed(model, 256);
    index(edited("succeeds on 85% of unseen objects", "succeeds on 93% of unseen objects"));
    assertEquals(PAPERS_WITH_TEXT - 1, vectors(model.model().field()));
    CountingEmbedder counting = new CountingEmbedder(model);
    EmbedSummary s = embed(counting, 256);
    assertEquals(1, s.embedded());
    assertEquals(2, counting.texts.get()); // the changed paper, and the one without words
    assertEquals(PAPERS_WITH_TEXT, s.withVectors());
  }

  @Test
  void vectors_another_model_wrote_are_never_used() throws Exception {
    index(PAPERS);
    ModelInfo real = model.model();
    // Another model (another key): its own field, ignored by this one.
    ModelInfo other =
        new ModelInfo(
            "other-model-1",
            "Other/model",
            "1",
            384,
            real.pooling(),
            real.maxTokens(),
            real.queryPrefix());
    embed(new CountingEmbedder(model, other), 256);
    assertEquals(PAPERS_WITH_TEXT, vectors(other.field()));
    assertEquals(0, vectors(real.field()));
    CountingEmbedder counting = new CountingEmbedder(model);
    assertEquals(PAPERS_WITH_TEXT, embed(counting, 256).embedded());
    assertEquals(PAPERS_WITH_TEXT, vectors(real.field()));
    assertEquals(0, vectors(other.field())); // rewritten with this model's vector only

    // The same key with another version (a model file changed without a new key): the commit
    // says so, and every paper is embedded again.
    ModelInfo sameKey =
        new ModelInfo(
            real.key(),
            real.name(),
            "another file",
            real.dimension(),
            real.pooling(),
            real.maxTokens(),
            real.queryPrefix());
    embed(new CountingEmbedder(model, sameKey), 256);
    try (DirectoryReader r = reader()) {
      assertTrue(IndexedVectors.conflicting(r, real));
    }
    counting = new CountingEmbedder(model);
    assertEquals(PAPERS_WITH_TEXT, embed(counting, 256).embedded());
    try (DirectoryReader r = reader()) {
      assertFalse(IndexedVectors.conflicting(r, real));
    }
  }

  @Test
  void the_talk_without_subjects_gets_the_subjects_of_its_nearest_labelled_papers()
      throws Exception {
    index(PAPERS);
    EmbedSummary s = embed(model, 256);
    assertEquals(1, s.inferred());
    Paper talk = paper(TALK);
    assertEquals(List.of(), talk.subjects());
    List<String> codes = talk.inferredSubjects().stream().map(InferredSubject::code).toList();
    assertEquals(List.of("cs.RO", "cs.LG"), codes, talk.inferredSubjects().toString());
    assertEquals("Robotics", talk.inferredSubjects().getFirst().label());
    assertTrue(talk.inferredSubjects().getFirst().confidence() > 0.9, talk.toString());
    // Labelled papers are never given inferred subjects.
    assertEquals(List.of(), paper("2401.00001").inferredSubjects());
    try (DirectoryReader r = reader()) {
      IndexSearcher searcher = new IndexSearcher(r);
      assertEquals(1, searcher.count(new TermQuery(new Term(Fields.INFERRED_SUBJECT, "cs.RO"))));
      assertEquals(1, searcher.count(new TermQuery(new Term(Fields.INFERRED_SUBJECT, "cs"))));
      assertEquals(4, searcher.count(new TermQuery(new Term(Fields.SUBJECT, "cs.RO"))));
    }
    // A source that gives the talk a subject replaces the inferred ones.
    index(
        edited(
            "\"speakers\": [\"Ada Example\"]",
            "\"speakers\": [\"Ada Example\"], \"subjects\": [{\"code\": \"cs.AI\"}]"));
    assertEquals(List.of(), paper(TALK).inferredSubjects());
    assertEquals("cs.AI", paper(TALK).subjects().getFirst().code());
  }

  @Test
  void a_paper_without_words_gets_no_vector_and_no_error() throws Exception {
    assertNull(model.embed("\u200b\u200b"));
    assertNull(model.embed(""));
    assertNull(model.embed(" \n\t "));
    assertNull(model.embedQuery("   "));
  }

  @Test
  void no_index_is_exit_code_2_and_a_locked_one_exit_code_3() throws Exception {
    IndexerException none = assertThrows(IndexerException.class, () -> embed(model, 256));
    assertEquals(2, none.exitCode());
    index(PAPERS);
    try (Directory dir = IndexWriterFactory.open(index());
        IndexWriter other = IndexWriterFactory.writer(dir, false)) {
      IndexerException locked = assertThrows(IndexerException.class, () -> embed(model, 256));
      assertEquals(3, locked.exitCode());
      assertTrue(locked.getMessage().contains("write.lock"), locked.getMessage());
      other.rollback();
    }
  }

  @Test
  void votes_are_weighted_toward_the_nearest_neighbours() {
    List<Subject> robotics = List.of(new Subject("cs.RO", "Robotics"));
    List<Subject> galaxies = List.of(new Subject("astro-ph.GA", "Astrophysics of Galaxies"));
    List<SubjectInference.Neighbour> neighbours = new ArrayList<>();
    neighbours.add(new SubjectInference.Neighbour(robotics, 0.80));
    for (int i = 0; i < 5; i++) neighbours.add(new SubjectInference.Neighbour(galaxies, 0.62));
    List<InferredSubject> voted = SubjectInference.vote(neighbours);
    assertEquals(1, voted.size(), voted.toString());
    assertEquals("cs.RO", voted.getFirst().code());
    assertEquals(List.of(), SubjectInference.vote(List.of()));
  }
}

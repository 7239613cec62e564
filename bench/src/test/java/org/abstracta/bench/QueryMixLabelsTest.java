package org.abstracta.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.abstracta.indexer.index.IndexWriterFactory;
import org.abstracta.searchapi.search.engine.IndexSearchService;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two- and three-word queries that the engine reads as sentences are labelled so. */
class QueryMixLabelsTest {
  @TempDir static Path dir;

  /**
   * Question words and auxiliaries that are no English stop word: each makes 3+ words a sentence.
   */
  static final List<String> SENTENCE_WORDS =
      List.of("how", "can", "does", "what", "which", "why", "when", "where", "could", "would");

  /** 200 papers; the first 30 titles have one of the sentence words, 3 titles each. */
  @BeforeAll
  static void index() throws Exception {
    QueryMixTest.writePapers(
        dir,
        i -> {
          String middle = i < 30 ? SENTENCE_WORDS.get(i % 10) : QueryMixTest.word(300 + i % 50);
          return QueryMixTest.word(i % 100)
              + " "
              + middle
              + " "
              + QueryMixTest.word(100 + i * 37 % 100);
        },
        i -> "cs.LG");
  }

  @Test
  void three_words_with_a_question_word_are_labelled_sentence_and_the_rest_keep_their_kind()
      throws Exception {
    List<BenchQuery> mix;
    try (Directory d = IndexWriterFactory.open(dir);
        DirectoryReader reader = DirectoryReader.open(d);
        IndexSearchService service = IndexSearchService.open(dir)) {
      mix = new QueryMix(reader, service, 6).generate(30);
    }
    assertEquals(QueryMix.KINDS.size() * 30, mix.size(), "the label changes no count");
    long sentences = 0;
    for (BenchQuery q : mix) {
      List<String> words = List.of(q.query().split(" "));
      boolean question = words.stream().anyMatch(Set.copyOf(SENTENCE_WORDS)::contains);
      switch (q.kind()) {
        case QueryMix.SENTENCE -> {
          sentences++;
          assertEquals(3, words.size(), q.toString());
          assertTrue(question, q.toString());
        }
        // Two words are keywords whatever they are (fewer than three plain words).
        case "three" -> assertFalse(question, q.toString());
        default -> {}
      }
    }
    assertTrue(sentences > 0, "the fixture gives three-word questions: " + mix);
  }
}

package org.abstracta.indexer.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class PorterStemsTest {
  @Test
  void stems_are_lucenes_porter_stems() throws IOException {
    PorterStems stems = new PorterStems();
    assertEquals("learn", stem(stems, "learning"));
    assertEquals("object", stem(stems, "objectivity"));
    assertEquals("gener", stem(stems, "generalization"));
    assertEquals("happi", stem(stems, "happy"));
    assertEquals("happi", stem(stems, "happy")); // from the table this time
    String longWord = "electroencephalographically"; // longer than the table keeps
    assertTrue(longWord.length() > PorterStems.MAX_CACHED_LENGTH);
    assertEquals(porter(List.of(longWord)).get(0), stem(stems, longWord));
  }

  /**
   * Four threads stem 200,000 distinct words (six times the table's slots, so words evict each
   * other all the time) in different orders: every stem is the one Lucene's filter gives.
   */
  @Test
  void a_shared_table_that_evicts_under_concurrent_use_never_gives_a_wrong_stem() throws Exception {
    List<String> words = new ArrayList<>();
    String[] endings = {"ing", "ed", "s", "ation", "ness", "ly", "ies", "ive", "ity", "er"};
    for (int i = 0; words.size() < 200_000; i++) {
      words.add(Integer.toString(i, 26).replace('0', 'z') + endings[i % endings.length]);
    }
    assertTrue(words.size() > 6 * PorterStems.SLOTS);
    List<String> expected = new ArrayList<>(porter(words));
    for (int i = 0; i < words.size(); i++) {
      if (Analyzers.STOP_WORDS.contains(words.get(i))) expected.set(i, null);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> wrong = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int stride = 2 * t + 1; // 1, 3, 5, 7: coprime with the count, so every word, in a new order
        wrong.add(
            pool.submit(
                () -> {
                  PorterStems stems = new PorterStems();
                  int errors = 0;
                  for (int round = 0; round < 3; round++) {
                    for (int k = 0, i = 0; k < words.size(); k++, i = (i + stride) % words.size()) {
                      if (!Objects.equals(stem(stems, words.get(i)), expected.get(i))) errors++;
                    }
                  }
                  return errors;
                }));
      }
      for (Future<Integer> f : wrong) assertEquals(0, f.get());
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void stop_words_have_no_stem() {
    PorterStems stems = new PorterStems();
    assertEquals(null, stem(stems, "the"));
    assertEquals(null, stem(stems, "the")); // from the table this time
    assertEquals("theori", stem(stems, "theory"));
    assertEquals(null, stem(stems, "of"));
  }

  /** The stem, or null for a stop word. */
  private static String stem(PorterStems stems, String word) {
    char[] buf = (word + "#garbage").toCharArray(); // a buffer longer than the word, as in a stream
    if (!stems.stem(buf, word.length())) return null;
    return new String(stems.result(), stems.resultStart(), stems.resultLength());
  }

  /** The stems Lucene's {@code PorterStemFilter} gives, one word at a time. */
  private static List<String> porter(List<String> words) throws IOException {
    List<String> out = new ArrayList<>(words.size());
    try (WhitespaceTokenizer tokenizer = new WhitespaceTokenizer();
        PorterStemFilter filter = new PorterStemFilter(tokenizer)) {
      CharTermAttribute term = filter.addAttribute(CharTermAttribute.class);
      tokenizer.setReader(new java.io.StringReader(String.join(" ", words)));
      filter.reset();
      while (filter.incrementToken()) out.add(term.toString());
      filter.end();
    }
    assertEquals(words.size(), out.size());
    return out;
  }
}

package org.abstracta.indexer.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

class ExactAndStemFilterTest {
  private final Analyzer text = Analyzers.text();
  private final Analyzer reference = new ReferenceTextAnalyzer();

  @Test
  void a_word_gives_its_marked_exact_term_then_its_stem_at_the_same_position() throws IOException {
    assertEquals(
        List.of("=models 1 0-6", "model 0 0-6", "=learning 1 7-15", "learn 0 7-15"),
        terms(text, "Models learning"));
  }

  @Test
  void a_stop_word_gives_only_its_exact_term() throws IOException {
    assertEquals(
        List.of(
            "=state 1 0-5",
            "state 0 0-5",
            "=of 1 6-8",
            "=the 1 9-12",
            "=art 1 13-16",
            "art 0 13-16"),
        terms(text, "state of the art"));
  }

  @Test
  void possessives_case_and_accents_are_folded_before_both_terms() throws IOException {
    assertEquals(
        List.of("=perez 1 0-7", "perez 0 0-7", "=objectivity 1 8-19", "object 0 8-19"),
        terms(text, "Pérez's Objectivity"));
  }

  @Test
  void the_stem_of_a_surface_word_is_the_stem_term_the_text_analyzer_writes() throws IOException {
    assertEquals("learn", Analyzers.stem("learning"));
    assertEquals("object", Analyzers.stem("objectivity"));
    assertEquals(null, Analyzers.stem("the"));
    String value = "Pérez's models of electroencephalographically happy learners";
    List<String> fromStems = new ArrayList<>();
    for (String t : terms(Analyzers.surface(), value)) {
      String word = t.substring(0, t.indexOf(' '));
      String stem = Analyzers.stem(word);
      fromStems.add(Analyzers.EXACT_MARK + word);
      if (stem != null) fromStems.add(stem);
    }
    List<String> written = new ArrayList<>();
    for (String t : terms(text, value)) written.add(t.substring(0, t.indexOf(' ')));
    assertEquals(
        List.of(
            "=perez",
            "perez",
            "=models",
            "model",
            "=of",
            "=electroencephalographically",
            "electroencephalograph",
            "=happy",
            "happi",
            "=learners",
            "learner"),
        written);
    assertEquals(written, fromStems);
  }

  /**
   * Every seed of the bundled corpus and the arXiv test files, read as raw text (JSON, HTML,
   * calendar, LaTeX and all), analyzed by both: the same terms, positions, offsets and types.
   */
  @Test
  void gives_exactly_the_terms_of_lucenes_repeat_stop_porter_chain() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> seeds = Files.list(Path.of("../src/corpus"))) {
      seeds.sorted().forEach(files::add);
    }
    try (Stream<Path> arxiv = Files.list(Path.of("src/test/resources/arxiv"))) {
      arxiv.sorted().forEach(files::add);
    }
    assertEquals(7, files.size());
    int tokens = 0;
    for (Path f : files) {
      String content = Files.readString(f, StandardCharsets.UTF_8);
      List<String> expected = terms(reference, content, true);
      assertEquals(expected, terms(text, content, true), f.toString());
      tokens += expected.size();
    }
    // Twice the stems and exact terms of a few thousand words each: the comparison saw real text.
    assertTrue(tokens > 20_000, "tokens compared: " + tokens);
  }

  @Test
  void a_value_read_only_in_part_leaves_nothing_behind_for_the_next() throws IOException {
    // The analyzer reuses one filter per thread; a reader may stop after any term (a completion
    // reads the first word only), and the stem it did not read must not start the next value.
    try (TokenStream ts = text.tokenStream(Fields.TITLE, "learning")) {
      ts.reset();
      assertTrue(ts.incrementToken());
      assertEquals("=learning", ts.getAttribute(CharTermAttribute.class).toString());
    }
    assertEquals(List.of("=the 1 0-3"), terms(text, "the"));
    assertEquals(List.of("=cats 1 0-4", "cat 0 0-4"), terms(text, "cats"));
  }

  /** "term increment start-end", plus type and length when not the usual (and the end state). */
  private static List<String> terms(Analyzer analyzer, String value) throws IOException {
    return terms(analyzer, value, false);
  }

  private static List<String> terms(Analyzer analyzer, String value, boolean withEnd)
      throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(Fields.ABSTRACT, value)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      PositionLengthAttribute length = ts.addAttribute(PositionLengthAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String t = term + " " + inc.getPositionIncrement() + " " + offset.startOffset() + "-";
        t += offset.endOffset();
        if (!type.type().equals("<ALPHANUM>")) t += " " + type.type();
        if (length.getPositionLength() != 1) t += " len " + length.getPositionLength();
        out.add(t);
      }
      ts.end();
      if (withEnd) out.add("end " + inc.getPositionIncrement() + " " + offset.endOffset());
    }
    return out;
  }
}

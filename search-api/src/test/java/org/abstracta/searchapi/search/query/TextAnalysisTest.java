package org.abstracta.searchapi.search.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.abstracta.indexer.schema.Analyzers;
import org.abstracta.searchapi.search.SeedIndex;
import org.junit.jupiter.api.Test;

class TextAnalysisTest {
  private static final String TEXT =
      "Émile's Entropy-based FLOW models: the flows' Ångström-scale Ørsted fields, and "
          + "EFFICIENT «fluid» e.g. 3.5 dB, flux.";

  /** Every surface word as "word@start-end". */
  private static List<String> all(String text) {
    List<String> out = new ArrayList<>();
    TextAnalysis.forEachSurfaceWord(
        text, (w, len, start, end) -> out.add(new String(w, 0, len) + "@" + start + "-" + end));
    return out;
  }

  /** The surface words handed on for terms starting with each of {@code initials}' letters. */
  private static List<String> starting(String text, String initials) {
    List<String> letters = initials.chars().mapToObj(c -> String.valueOf((char) c)).toList();
    return handed(text, WordStarts.of(letters, List.of()));
  }

  private static List<String> handed(String text, WordStarts starts) {
    List<String> out = new ArrayList<>();
    TextAnalysis.forEachSurfaceWord(
        text,
        starts,
        (w, len, start, end) -> out.add(new String(w, 0, len) + "@" + start + "-" + end));
    return out;
  }

  @Test
  void the_initials_keep_exactly_the_words_that_start_with_them_once_folded() {
    assertEquals(
        List.of(
            "emile@0-7",
            "entropy@8-15",
            "flow@22-26",
            "flows@39-44", // the possessive's apostrophe is not part of the word
            "angstrom@46-54",
            "orsted@61-67",
            "fields@68-74",
            "efficient@80-89",
            "fluid@91-96",
            "e.g@98-101",
            "flux@111-115"),
        starting(TEXT, "ef"));
    // A word starting with a non-ASCII letter is always handed on: folding decides its letter.
    assertEquals(List.of("emile@0-7", "angstrom@46-54", "orsted@61-67"), starting(TEXT, "x"));
  }

  @Test
  void with_every_letter_the_words_are_those_of_the_whole_chain() {
    assertEquals(all(TEXT), starting(TEXT, "abcdefghijklmnopqrstuvwxyz0123456789"));
    assertEquals(List.of(), starting("", "abc"));
  }

  private static final String ASCII_TEXT =
      "State-of-the-art (CNNs) e.g. U.S. models' 3.5dB x_model don't\tmodel-based\n"
          + "re-modeling MODELS,models;modeled \"modelling\" a.model 1,000 Mo";

  @Test
  void in_ascii_text_the_words_of_two_letters_and_their_offsets_are_those_of_the_whole_chain() {
    WordStarts mo = WordStarts.of(List.of("model"), List.of());
    List<String> expected = new ArrayList<>();
    for (String w : all(ASCII_TEXT)) if (w.startsWith("mo")) expected.add(w);
    assertEquals(
        List.of(
            "models@34-40",
            "model@62-67",
            "modeling@77-85",
            "models@86-92",
            "models@93-99",
            "modeled@100-107",
            "modelling@109-118",
            "mo@134-136"),
        expected);
    List<String> handed = handed(ASCII_TEXT, mo);
    assertTrue(handed.containsAll(expected), handed.toString());
    assertTrue(all(ASCII_TEXT).containsAll(handed), handed.toString());
    // "x_model" and "a.model" are one word each, starting with x and a: not handed on.
    assertEquals(expected, handed.stream().filter(w -> w.startsWith("mo")).toList());
  }

  @Test
  void a_stem_with_i_second_admits_words_with_y_second_as_the_stemmer_turns_them() {
    assertEquals("ei", Analyzers.stem("eyed"));
    assertEquals(
        List.of("eyed@4-8"), handed("the eyed eel", WordStarts.of(List.of("ei"), List.of())));
    assertEquals(List.of(), handed("the eyed eel", WordStarts.of(List.of(), List.of("ei"))));
  }

  /**
   * A stem starts with its word's first two letters but for a "y" turned "i": every word of up to
   * three letters, and every word of the sample corpus, admitted by its own stem.
   */
  @Test
  void every_word_is_admitted_by_the_starts_of_its_stem() throws Exception {
    List<String> words = new ArrayList<>();
    String letters = "abcdefghijklmnopqrstuvwxyz";
    for (char a : letters.toCharArray()) {
      words.add("" + a);
      for (char b : letters.toCharArray()) {
        words.add("" + a + b);
        for (char c : letters.toCharArray()) words.add("" + a + b + c);
      }
    }
    for (String line : corpusLines()) {
      for (TextAnalysis.Tok t : TextAnalysis.surfaceWords(line)) words.add(t.term());
    }
    int checked = 0;
    for (String w : words) {
      String stem = Analyzers.stem(w);
      if (stem == null || w.charAt(0) >= 128 || (w.length() > 1 && w.charAt(1) >= 128)) continue;
      assertTrue(
          WordStarts.of(List.of(stem), List.of())
              .admits(w.charAt(0), w.length() > 1 ? w.charAt(1) : 0),
          w + " -> " + stem);
      checked++;
    }
    assertTrue(checked > 18_000, "checked " + checked);
  }

  /**
   * Over every line of the sample corpus (ASCII and not), with terms from its own words: each word
   * whose stem or exact form is a term is handed on, with the offsets the whole chain gives it.
   */
  @Test
  void over_the_sample_corpus_every_word_carrying_a_term_is_handed_on_at_its_offsets()
      throws Exception {
    int lines = 0;
    int ascii = 0;
    int marked = 0;
    for (String line : corpusLines()) {
      List<TextAnalysis.Tok> words = TextAnalysis.surfaceWords(line);
      Set<String> stems = new HashSet<>();
      Set<String> exact = new HashSet<>();
      for (int i = 0; i < words.size(); i++) {
        String w = words.get(i).term();
        if (i % 5 == 0 && Analyzers.stem(w) != null) stems.add(Analyzers.stem(w));
        if (i % 7 == 3) exact.add(w);
      }
      List<String> handed = handed(line, WordStarts.of(stems, exact));
      List<String> every = all(line);
      assertTrue(every.containsAll(handed), line);
      for (TextAnalysis.Tok t : words) {
        String stem = Analyzers.stem(t.term());
        if ((stem != null && stems.contains(stem)) || exact.contains(t.term())) {
          String w = t.term() + "@" + t.start() + "-" + t.end();
          assertTrue(handed.contains(w), w + " in " + line);
          marked++;
        }
      }
      lines++;
      if (line.chars().allMatch(c -> c < 128)) ascii++;
    }
    // Both ways are taken: the parts of ASCII lines, and whole lines with other characters.
    assertTrue(
        lines > 300 && ascii > 100 && lines - ascii > 20 && marked > 5_000,
        lines + " lines, " + ascii + " ASCII, " + marked + " words");
  }

  private static List<String> corpusLines() throws Exception {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(SeedIndex.corpus())) {
      for (Path f : files.sorted().toList()) {
        for (String line : Files.readAllLines(f)) if (!line.isBlank()) out.add(line);
      }
    }
    return out;
  }
}

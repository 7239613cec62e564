package org.abstracta.searchapi.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Batches of made-up papers in Abstracta's own {@code jsonl} format, for tests that need many
 * documents or a large vocabulary: each paper has a unique id, words drawn from a seeded random
 * generator, one of a few subjects and years, so the same seed always writes the same batch.
 */
public final class GeneratedPapers {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SUBJECTS = List.of("cs.LG", "cs.CL", "cs.CV", "astro-ph.GA");

  /** Common words every batch uses, so ordinary queries match across batches. */
  public static final List<String> COMMON =
      List.of("learning", "model", "graph", "policy", "galaxy", "reward", "network", "vision");

  private GeneratedPapers() {}

  /**
   * Writes {@code count} papers with ids {@code gen-<batch>-<n>} to {@code file}.
   *
   * @param wordPrefix every random word starts with it ("" for none): a large vocabulary under one
   *     prefix
   * @param randomWords random words per abstract
   */
  public static Path write(Path file, int batch, int count, String wordPrefix, int randomWords)
      throws IOException {
    return write(file, batch, count, wordPrefix, randomWords, batch);
  }

  /**
   * As above, with other words for the same ids when {@code seed} differs from {@code batch}:
   * indexing it updates the batch's papers.
   */
  public static Path write(
      Path file, int batch, int count, String wordPrefix, int randomWords, long seed)
      throws IOException {
    SplittableRandom random = new SplittableRandom(31L * seed + 7);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int n = 0; n < count; n++) {
        ObjectNode p = JSON.createObjectNode();
        p.put("id", String.format(Locale.ROOT, "gen-%d-%d", batch, n));
        p.put("type", "paper");
        p.put("title", COMMON.get(random.nextInt(COMMON.size())) + " " + words(random, "", 4));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3; i++)
          text.append(COMMON.get(random.nextInt(COMMON.size()))).append(' ');
        text.append(words(random, wordPrefix, randomWords));
        p.put("abstract", text.toString());
        p.putArray("authors")
            .add("Author " + random.nextInt(200))
            .add("Writer " + random.nextInt(50));
        String code = SUBJECTS.get(random.nextInt(SUBJECTS.size()));
        p.putArray("subjects").addObject().put("code", code).put("label", code);
        p.put(
            "date",
            String.format(
                Locale.ROOT,
                "%d-0%d-1%d",
                2019 + random.nextInt(6),
                1 + random.nextInt(9),
                random.nextInt(10)));
        out.write(JSON.writeValueAsString(p));
        out.write('\n');
      }
    }
    return file;
  }

  /**
   * The seed corpus plus one batch written by {@link #write}, indexed into {@code dir/index}.
   *
   * @return the index directory
   */
  public static Path indexWithSeedCorpus(
      Path dir, int batch, int count, String wordPrefix, int randomWords) throws Exception {
    Path papers =
        write(dir.resolve("batch-" + batch + ".jsonl"), batch, count, wordPrefix, randomWords);
    Path index = dir.resolve("index");
    SeedIndex.index(index, SeedIndex.corpus(), papers);
    return index;
  }

  private static String words(SplittableRandom random, String prefix, int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) s.append(' ');
      s.append(prefix);
      int len = 4 + random.nextInt(6);
      for (int c = 0; c < len; c++) s.append((char) ('a' + random.nextInt(26)));
    }
    return s.toString();
  }
}

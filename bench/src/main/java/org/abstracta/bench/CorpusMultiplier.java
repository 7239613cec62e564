package org.abstracta.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Grows an arXiv-json corpus to any size for scale tests. The first pass copies the real records
 * unchanged; every later pass writes each record again with a new, distinct arXiv-style id {@code
 * 9PPP.NNNNN} (never a real id: arXiv's new-style ids begin with a year from 07) and the sentences
 * of its abstract in a shuffled order (one {@code Random(seed)} for the whole run), and its title
 * marked {@code (synthetic copy N)} for the N-th pass. Authors and categories stay as they were, so
 * vocabulary and facet shapes scale with the copies.
 */
final class CorpusMultiplier {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9(\\\\$])");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private final Random random;

  CorpusMultiplier(long seed) {
    this.random = new Random(seed);
  }

  /** The synthetic id of the {@code n}-th (0-based) generated record. */
  static String syntheticId(long n) {
    if (n >= 1_000L * 100_000L) throw new IllegalArgumentException("at most 10^8 copies");
    return String.format(Locale.ROOT, "9%03d.%05d", n / 100_000, n % 100_000);
  }

  /** The abstract's sentences (white space collapsed) in a shuffled order. */
  String shuffleSentences(String text) {
    if (text == null) return null;
    List<String> sentences =
        new ArrayList<>(List.of(SENTENCE_END.split(SPACE.matcher(text.strip()).replaceAll(" "))));
    Collections.shuffle(sentences, random);
    return String.join(" ", sentences);
  }

  /**
   * Writes {@code total} records to {@code out}, reading {@code source} as often as needed; {@code
   * reopen} gives a fresh reader over the source for each pass.
   *
   * @return how many records were real copies (the rest are synthetic)
   */
  long write(SourceOpener reopen, long total, Writer out) throws IOException {
    long written = 0;
    long synthetic = 0;
    long real = 0;
    for (int pass = 0; written < total; pass++) {
      long before = written;
      try (BufferedReader in = reopen.open()) {
        for (String line = in.readLine(); line != null && written < total; line = in.readLine()) {
          if (line.isBlank()) continue;
          if (pass == 0) {
            out.write(line);
            real++;
          } else {
            ObjectNode r = (ObjectNode) JSON.readTree(line);
            r.put("id", syntheticId(synthetic++));
            // A distinct title too: Abstracta merges papers by normalized title, and same-title
            // records of one run are merged one by one at its end (held in memory till then).
            if (r.hasNonNull("title")) {
              r.put("title", r.get("title").asText() + " (synthetic copy " + pass + ")");
            }
            if (r.hasNonNull("abstract")) {
              r.put("abstract", shuffleSentences(r.get("abstract").asText()));
            }
            out.write(JSON.writeValueAsString(r));
          }
          out.write('\n');
          written++;
        }
      }
      if (written == before) throw new IOException("the source holds no records");
    }
    return real;
  }

  /** Opens the source corpus for one pass. */
  interface SourceOpener {
    BufferedReader open() throws IOException;
  }
}

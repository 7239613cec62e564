package org.abstracta.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One query of the benchmark mix, as the query file holds it: {@code kind TAB subject TAB query}.
 *
 * @param kind one of {@link QueryMix#KINDS}
 * @param subject the archive ({@code cs}, {@code astro-ph}) used by the filtered variant
 * @param query the query text in Abstracta's syntax
 */
record BenchQuery(String kind, String subject, String query) {

  /** A query of two or three words: the queries of the headline latency figures. */
  boolean headline() {
    return kind.equals("two") || kind.equals("three");
  }

  String line() {
    return kind + "\t" + subject + "\t" + query;
  }

  /** Reads a query file: one query a line, lines starting with {@code #} are comments. */
  static List<BenchQuery> read(Path file) throws IOException {
    List<BenchQuery> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] f = line.split("\t", 3);
      if (f.length != 3)
        throw new IOException(file + ": not 'kind TAB subject TAB query': " + line);
      out.add(new BenchQuery(f[0], f[1], f[2]));
    }
    return out;
  }
}

package org.abstracta.indexer.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.abstracta.indexer.model.Subject;

/**
 * arXiv's subject taxonomy: category codes ({@code cs.LG}) and archives ({@code cs}) with their
 * names, read from {@code arxiv-categories.tsv} beside this class (code, tab, name; archives have
 * no dot, except where arXiv's archive itself is the category, as {@code hep-ph}).
 */
public final class SubjectCatalog {
  private static final Map<String, String> NAMES = load();

  private SubjectCatalog() {}

  /** The subject for a category code; an unknown code is kept, labelled with itself. */
  public static Subject subject(String code) {
    String label = NAMES.get(code);
    return new Subject(code, label != null ? label : code);
  }

  /**
   * The subject for an author page's two-letter code ({@code LG}): those are computer-science
   * categories ({@code cs.LG}).
   */
  public static Subject computerScience(String twoLetters) {
    return subject("cs." + twoLetters.toUpperCase(Locale.ROOT));
  }

  /** The name of an archive ({@code cs} → "Computer Science"), or the code when unknown. */
  public static String archiveLabel(String archive) {
    return NAMES.getOrDefault(archive, archive);
  }

  /** Whether the catalog knows this code (category or archive). */
  public static boolean isKnown(String code) {
    return NAMES.containsKey(code);
  }

  private static Map<String, String> load() {
    Map<String, String> names = new HashMap<>();
    try (InputStream in = SubjectCatalog.class.getResourceAsStream("arxiv-categories.tsv")) {
      if (in == null) throw new IllegalStateException("arxiv-categories.tsv is missing");
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) continue;
        int tab = line.indexOf('\t');
        names.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(names);
  }
}

package org.abstracta.searchapi.export;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.PaperId;
import org.abstracta.indexer.model.PaperType;

/**
 * What the citation formats (BibTeX, RIS, CSL-JSON) say about one paper, worked out once.
 *
 * @param key the citation key: first author's family name, year, first word of the title that is
 *     not a little word ({@code kay2024epistemic}); papers of one export that would share a key get
 *     {@code a}, {@code b}, … in the order of their ids, so a paper's key does not depend on the
 *     order of the results
 * @param authors the authors (speakers of a talk), split into name parts
 * @param moreAuthors the input listed only the first authors ("et al.")
 * @param arxivId the arXiv id, or null
 * @param url where to read it: arXiv, else its DOI, else its page on this service
 */
record Citation(
    Paper paper,
    String key,
    List<PersonName> authors,
    boolean moreAuthors,
    String arxivId,
    String url) {

  private static final Set<String> LITTLE_WORDS =
      Set.of(
          "a", "an", "the", "on", "of", "in", "for", "to", "and", "with", "via", "from", "by", "at",
          "is", "are", "do", "does", "can", "how", "what", "why", "when", "towards", "toward");

  boolean talk() {
    return paper.type() == PaperType.TALK;
  }

  /** The primary arXiv category ({@code cs.AI}), or null. */
  String primaryClass() {
    return paper.subjects().isEmpty() ? null : paper.subjects().getFirst().code();
  }

  /** The citations of an export's papers, in its order, with keys unique among them. */
  static List<Citation> of(Export export) {
    Map<String, List<Paper>> byBase = new HashMap<>();
    for (Paper p : export.papers())
      byBase.computeIfAbsent(baseKey(p), k -> new ArrayList<>()).add(p);
    Map<String, String> keys = new HashMap<>();
    for (Map.Entry<String, List<Paper>> e : byBase.entrySet()) {
      List<Paper> same = new ArrayList<>(e.getValue());
      if (same.size() == 1) {
        keys.put(same.getFirst().id(), e.getKey());
        continue;
      }
      same.sort(Comparator.comparing(Paper::id));
      for (int i = 0; i < same.size(); i++) keys.put(same.get(i).id(), e.getKey() + suffix(i));
    }
    // A suffixed key may still equal another paper's own ("kay2024a" + "b"): the later id yields.
    Set<String> taken = new HashSet<>();
    for (Paper p : export.papers().stream().sorted(Comparator.comparing(Paper::id)).toList()) {
      String key = keys.get(p.id());
      while (!taken.add(key)) key = key + "x";
      keys.put(p.id(), key);
    }
    List<Citation> out = new ArrayList<>();
    for (Paper p : export.papers()) {
      List<String> names =
          p.type() == PaperType.TALK && !p.speakers().isEmpty() ? p.speakers() : p.authors();
      String arxiv = PaperId.arxiv(p.id());
      String url =
          arxiv != null
              ? "https://arxiv.org/abs/" + arxiv
              : p.doi() != null ? "https://doi.org/" + p.doi() : export.paperUrl(p);
      out.add(
          new Citation(
              p,
              keys.get(p.id()),
              names.stream().map(PersonName::parse).toList(),
              p.authorsTruncated(),
              arxiv,
              url));
    }
    return out;
  }

  /** a, b, …, z, aa, ab, … */
  private static String suffix(int i) {
    String s = String.valueOf((char) ('a' + i % 26));
    return i < 26 ? s : suffix(i / 26 - 1) + s;
  }

  static String baseKey(Paper p) {
    String author =
        p.authors().isEmpty() ? "" : ascii(PersonName.parse(p.authors().getFirst()).family());
    String year = p.date() == null ? "nd" : Integer.toString(p.date().getYear());
    String word = "";
    for (String w : (p.title() == null ? "" : p.title()).split("[\\s\\p{Pd}:/]+")) {
      String a = ascii(w);
      if (!a.isEmpty() && !LITTLE_WORDS.contains(a)) {
        word = a;
        break;
      }
    }
    if (author.isEmpty()) return (word.isEmpty() ? "paper" : word) + year;
    return author + year + word;
  }

  /** Lower-case ASCII letters and digits only: accents dropped, the rest removed. */
  private static String ascii(String s) {
    String folded =
        Normalizer.normalize(s, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .replace("ß", "ss")
            .replace("ø", "o")
            .replace("Ø", "O")
            .replace("ł", "l")
            .replace("Ł", "L");
    return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
  }
}

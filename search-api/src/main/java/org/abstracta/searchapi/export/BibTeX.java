package org.abstracta.searchapi.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.Subject;

/**
 * BibTeX: one {@code @misc} entry per paper, as arXiv and Google Scholar give preprints: arXiv
 * papers carry {@code eprint}, {@code archivePrefix} and {@code primaryClass}. Field values are in
 * braces with TeX's special characters escaped so that braces always balance; words with capitals
 * after their first letter ("RLHF", "GPT-2") are braced so styles keep their case.
 */
public final class BibTeX implements ExportFormat {
  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };

  @Override
  public String name() {
    return "bibtex";
  }

  @Override
  public String mediaType() {
    return "application/x-bibtex; charset=utf-8";
  }

  @Override
  public String extension() {
    return "bib";
  }

  @Override
  public String write(Export export) {
    StringBuilder out = new StringBuilder();
    for (Citation c : Citation.of(export)) {
      if (!out.isEmpty()) out.append('\n');
      entry(c, out);
    }
    return out.toString();
  }

  private static void entry(Citation c, StringBuilder out) {
    Paper p = c.paper();
    Map<String, String> fields = new LinkedHashMap<>(); // braced values
    Map<String, String> bare = new LinkedHashMap<>(); // macros (month)
    fields.put("title", protectCase(escape(p.title())));
    if (!c.authors().isEmpty()) {
      List<String> names = new ArrayList<>();
      for (PersonName n : c.authors()) {
        String name = escape(n.inverted());
        // "and" separates names: a name that holds the word is one unit in braces.
        names.add(name.matches("(?i).*\\band\\b.*") ? "{" + name + "}" : name);
      }
      if (c.moreAuthors()) names.add("others");
      fields.put("author", String.join(" and ", names));
    }
    if (p.date() != null) {
      fields.put("year", Integer.toString(p.date().getYear()));
      bare.put("month", MONTHS[p.date().getMonthValue() - 1]);
    }
    if (c.arxivId() != null) {
      fields.put("eprint", escape(c.arxivId()));
      fields.put("archivePrefix", "arXiv");
      if (c.primaryClass() != null) fields.put("primaryClass", escape(c.primaryClass()));
    }
    if (p.doi() != null) fields.put("doi", escape(p.doi()));
    fields.put("url", escape(c.url()));
    if (c.talk()) {
      fields.put(
          "howpublished", "Talk" + (p.location() == null ? "" : ", " + escape(p.location())));
    }
    if (!p.subjects().isEmpty()) {
      fields.put(
          "keywords",
          escape(p.subjects().stream().map(Subject::code).collect(Collectors.joining(", "))));
    }
    if (p.abstractText() != null) fields.put("abstract", escape(p.abstractText()));
    if (p.yearInferred())
      fields.put("note", "Year inferred: the source printed the date without it");

    out.append("@misc{").append(c.key()).append(",\n");
    List<String> lines = new ArrayList<>();
    int width = 0;
    for (String k : fields.keySet()) width = Math.max(width, k.length());
    for (String k : bare.keySet()) width = Math.max(width, k.length());
    for (Map.Entry<String, String> f : fields.entrySet()) {
      lines.add(line(f.getKey(), width) + "{" + f.getValue() + "}");
      if (f.getKey().equals("year") && bare.containsKey("month")) {
        lines.add(line("month", width) + bare.get("month"));
      }
    }
    out.append(String.join(",\n", lines)).append("\n}\n");
  }

  private static String line(String field, int width) {
    return "  " + field + " ".repeat(width - field.length()) + " = ";
  }

  /**
   * TeX's special characters as commands, white space collapsed. Braces become {@code
   * \textbraceleft{}}: BibTeX counts every brace in a value, escaped or not, so {@code \{} would
   * unbalance it.
   */
  static String escape(String text) {
    String s = Text.clean(text).replaceAll("\\s+", " ").strip();
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\' -> out.append("\\textbackslash{}");
        case '{' -> out.append("\\textbraceleft{}");
        case '}' -> out.append("\\textbraceright{}");
        case '$', '&', '%', '#', '_' -> out.append('\\').append(ch);
        case '^' -> out.append("\\textasciicircum{}");
        case '~' -> out.append("\\textasciitilde{}");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  /** Braces around each word with a capital after its first letter: "{RLHF}", "{MaxMin-RLHF:}". */
  static String protectCase(String escaped) {
    StringBuilder out = new StringBuilder();
    for (String word : escaped.split(" ")) {
      if (!out.isEmpty()) out.append(' ');
      boolean inner =
          word.length() > 1 && word.substring(1).chars().anyMatch(Character::isUpperCase);
      if (inner && !word.contains("\\")) out.append('{').append(word).append('}');
      else out.append(word);
    }
    return out.toString();
  }
}

package org.abstracta.searchapi.export;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A person's name split as citation formats want it: "Sjoerd van Steenkiste" is family "van
 * Steenkiste", given "Sjoerd". Names come as written ("Jackie Kay"); one already written family
 * first ("Kay, Jackie") keeps that split.
 *
 * @param given given names, or empty
 * @param family family name with its particles ("van Steenkiste"), never empty
 * @param suffix "Jr.", "III", or empty
 */
record PersonName(String given, String family, String suffix) {
  /** Lower-case words that belong to the family name that follows them. */
  private static final Set<String> PARTICLES =
      Set.of(
          "van", "von", "de", "der", "den", "da", "das", "dos", "del", "della", "di", "du", "la",
          "le", "ten", "ter", "zu", "af", "al", "bin", "ibn", "st.");

  private static final Set<String> SUFFIXES = Set.of("jr", "jr.", "sr", "sr.", "ii", "iii", "iv");

  static PersonName parse(String name) {
    String n = name.strip().replaceAll("\\s+", " ");
    int comma = n.indexOf(',');
    if (comma > 0 && comma < n.length() - 1) {
      return new PersonName(n.substring(comma + 1).strip(), n.substring(0, comma).strip(), "");
    }
    List<String> words = Arrays.asList(n.split(" "));
    String suffix = "";
    if (words.size() > 2 && SUFFIXES.contains(words.getLast().toLowerCase(Locale.ROOT))) {
      suffix = words.getLast();
      words = words.subList(0, words.size() - 1);
    }
    if (words.size() == 1) return new PersonName("", words.getFirst(), suffix);
    int familyStart = words.size() - 1;
    while (familyStart > 1 && PARTICLES.contains(words.get(familyStart - 1))) familyStart--;
    return new PersonName(
        String.join(" ", words.subList(0, familyStart)),
        String.join(" ", words.subList(familyStart, words.size())),
        suffix);
  }

  /** "Family, Given" (with ", Suffix" between, as BibTeX and RIS write it). */
  String inverted() {
    StringBuilder s = new StringBuilder(family);
    if (!suffix.isEmpty()) s.append(", ").append(suffix);
    if (!given.isEmpty()) s.append(", ").append(given);
    return s.toString();
  }
}

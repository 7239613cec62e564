package org.abstracta.searchapi.search.facet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.facet.LabelAndValue;

/**
 * Every author name of one index snapshot with its paper count, folded for case- and
 * accent-insensitive prefix lookups (author facet listing, completions, author filters typed in
 * another case). Built once per refreshed reader, on first use.
 */
public final class AuthorNames {
  static final AuthorNames EMPTY = new AuthorNames(new String[0], new String[0], new int[0]);

  /** A name and how many papers it authored. */
  public record Name(String label, int count) {}

  private final String[] labels;
  private final String[] folded;
  private final int[] counts;

  private AuthorNames(String[] labels, String[] folded, int[] counts) {
    this.labels = labels;
    this.folded = folded;
    this.counts = counts;
  }

  /** From the paper counts the snapshot's {@link AuthorOrdinals} already hold (null: none). */
  static AuthorNames build(AuthorOrdinals ordinals) throws IOException {
    if (ordinals == null) return EMPTY;
    LabelAndValue[] values = ordinals.all().toArray(new LabelAndValue[0]);
    // Most papers first: lookups stop early once they have enough matches.
    Arrays.sort(
        values,
        Comparator.comparingInt((LabelAndValue v) -> -v.value.intValue())
            .thenComparing(v -> v.label));
    int n = values.length;
    String[] labels = new String[n];
    String[] folded = new String[n];
    int[] counts = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = values[i].label;
      folded[i] = Folding.fold(values[i].label);
      counts[i] = values[i].value.intValue();
    }
    return new AuthorNames(labels, folded, counts);
  }

  /** Names with a word starting with {@code prefix} (folded), most papers first. */
  public List<Name> withPrefix(String prefix, int max) {
    String p = Folding.fold(prefix.strip());
    List<Name> out = new ArrayList<>();
    for (int i = 0; i < labels.length && out.size() < max; i++) {
      if (Folding.wordStartsWith(folded[i], p)) out.add(new Name(labels[i], counts[i]));
    }
    return out;
  }

  /** The indexed spellings of {@code name}, compared case- and accent-insensitively. */
  List<String> spellings(String name) {
    String f = Folding.fold(name.strip());
    List<String> out = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      if (folded[i].equals(f)) out.add(labels[i]);
    }
    return out;
  }
}

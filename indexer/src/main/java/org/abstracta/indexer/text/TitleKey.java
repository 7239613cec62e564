package org.abstracta.indexer.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normalized form of a title under which inputs without ids merge: LaTeX resolved, accents,
 * case and punctuation dropped, white space collapsed ("AURORA:Automated" equals "Aurora:
 * automated").
 */
public final class TitleKey {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private TitleKey() {}

  public static String of(String title) {
    if (title == null) return "";
    String s = LatexText.normalize(title);
    s = Normalizer.normalize(s, Normalizer.Form.NFKD);
    s = MARKS.matcher(s).replaceAll("");
    s = s.toLowerCase(Locale.ROOT);
    return NON_WORD.matcher(s).replaceAll(" ").strip();
  }
}

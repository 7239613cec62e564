package org.abstracta.indexer.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abstracta.indexer.text.TitleKey;

/**
 * The three kinds of paper id and their normal forms: arXiv ids (new style {@code 2303.16212}, old
 * style {@code hep-ph/0701001}, both without version), DOIs (lower case, no resolver prefix), and
 * ids derived from the normalized title ({@code t-} and 16 hex digits) for inputs that name no id.
 */
public final class PaperId {
  private static final Pattern ARXIV =
      Pattern.compile(
          "(?i)^(?:(?:https?://)?(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf)/|arxiv:\\s*)?"
              + "(\\d{4}\\.\\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\\.[a-z]{2})?/\\d{7})(?:v\\d+)?(?:\\.pdf)?$");
  private static final Pattern DOI =
      Pattern.compile("(?i)^(?:(?:https?://)?(?:dx\\.)?doi\\.org/|doi:\\s*)?(10\\.\\d{4,9}/\\S+)$");
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
  private static final String TITLE_PREFIX = "t-";

  /**
   * No arXiv id, even as a URL, is longer. Longer text is not matched against {@link #ARXIV} at
   * all: its repeated group recurses once per repetition, and a long hyphenated run would overflow
   * the stack.
   */
  private static final int MAX_ARXIV_TEXT = 200;

  private PaperId() {}

  /** The arXiv id in {@code text} without version and prefix, or null if it is not one. */
  public static String arxiv(String text) {
    if (text == null || text.length() > MAX_ARXIV_TEXT) return null;
    Matcher m = ARXIV.matcher(text.strip());
    if (!m.matches()) return null;
    String id = m.group(1);
    // Old-style archive names are lower case, their subject class upper case: math.GT/0309136.
    int dot = id.indexOf('.');
    int slash = id.indexOf('/');
    if (slash > 0 && dot > 0 && dot < slash) {
      return id.substring(0, dot).toLowerCase(Locale.ROOT)
          + id.substring(dot, slash).toUpperCase(Locale.ROOT)
          + id.substring(slash);
    }
    return id.toLowerCase(Locale.ROOT);
  }

  /**
   * The DOI in {@code text} in lower case without resolver prefix, or null if it is not one. A list
   * of DOIs separated by white space (the arXiv snapshot's {@code doi} field can hold a paper's DOI
   * and then an erratum's) gives the first.
   */
  public static String doi(String text) {
    if (text == null) return null;
    Matcher m = DOI.matcher(text.strip());
    if (m.matches()) return m.group(1).toLowerCase(Locale.ROOT);
    String[] parts = WHITE_SPACE.split(text.strip());
    if (parts.length < 2) return null;
    for (String part : parts) {
      if (!DOI.matcher(part).matches()) return null;
    }
    Matcher first = DOI.matcher(parts[0]);
    return first.matches() ? first.group(1).toLowerCase(Locale.ROOT) : null;
  }

  /** The stable id for a paper known only by its title: the same title gives the same id. */
  public static String fromTitle(String title) {
    return fromTitleKey(TitleKey.of(title));
  }

  /** As {@link #fromTitle}, for an already normalized title key. */
  public static String fromTitleKey(String titleKey) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(titleKey.getBytes(StandardCharsets.UTF_8));
      return TITLE_PREFIX + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** True for an id made from a title, which a known id (arXiv, DOI) replaces when one appears. */
  public static boolean isTitleDerived(String id) {
    return id.startsWith(TITLE_PREFIX);
  }

  /** Normalizes any id a user or an input may give: arXiv forms, DOI forms, title ids. */
  public static String normalize(String text) {
    String arxiv = arxiv(text);
    if (arxiv != null) return arxiv;
    String doi = doi(text);
    if (doi != null) return doi;
    return text == null ? null : text.strip();
  }
}

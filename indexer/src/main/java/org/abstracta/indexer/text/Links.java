package org.abstracta.indexer.text;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the URLs in a paper's text and decides whether one of them is the paper's code. */
public final class Links {
  private static final Pattern URL =
      Pattern.compile(
          "\\b(?:https?://|www\\.|github\\.com/|gitlab\\.com/)[^\\s<>\"'{}|\\\\^`\\]]+");
  private static final Pattern CODE_HOST =
      Pattern.compile(
          "^(?:https?://)?(?:www\\.)?(?:github\\.com|gitlab\\.com|bitbucket\\.org|codeberg\\.org|sourceforge\\.net)/.+");

  /** What {@link #URL} begins with: a URL starts where one of these does. */
  private static final String[] URL_STARTS = {"http", "www.", "github.com/", "gitlab.com/"};

  private static final Pattern CODE_WORDS =
      Pattern.compile("(?i)\\b(?:code|implementation|software|repository)\\b[^.]{0,60}$");

  private Links() {}

  /** The URLs in {@code text}, in order of appearance, without trailing punctuation. */
  public static List<String> find(String text) {
    int at = firstStart(text);
    if (at < 0) return List.of();
    Set<String> out = new LinkedHashSet<>();
    Matcher m = urlMatcher(text);
    for (; nextUrl(m, text, at); at = nextStart(text, m.end())) {
      String url = trimTrailing(m.group());
      if (url.length() > 10) out.add(url);
    }
    return List.copyOf(out);
  }

  /** True when {@code text} links code: a URL on a code host, or one the text calls code. */
  public static boolean mentionsCode(String text) {
    int at = firstStart(text);
    if (at < 0) return false;
    Matcher m = urlMatcher(text);
    for (; nextUrl(m, text, at); at = nextStart(text, m.end())) {
      String url = trimTrailing(m.group());
      if (CODE_HOST.matcher(url.toLowerCase(Locale.ROOT)).matches()) return true;
      String before = text.substring(Math.max(0, m.start() - 80), m.start());
      if (CODE_WORDS.matcher(before).find()) return true;
    }
    return false;
  }

  /**
   * Where a URL of {@code text} can first start, or -1 (also for null): a cheap test that skips the
   * URL pattern for the many texts that have no link at all, and where the search begins.
   */
  private static int firstStart(String text) {
    return text == null ? -1 : nextStart(text, 0);
  }

  /** A matcher for {@link #nextUrl}: its {@code \b} sees the character before its region. */
  private static Matcher urlMatcher(String text) {
    return URL.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
  }

  /**
   * Moves {@code m} to the first URL at or after {@code at}, a position where one of {@link
   * #URL_STARTS} occurs (-1: none is left), as {@code m.find(at)} would: but matches only where a
   * start occurs, found with {@code indexOf}, instead of letting the regex engine try every
   * position of a long abstract.
   */
  private static boolean nextUrl(Matcher m, String text, int at) {
    for (; at >= 0; at = nextStart(text, at + 1)) {
      m.region(at, text.length());
      if (m.lookingAt()) return true;
    }
    return false;
  }

  /** Where the first of {@link #URL_STARTS} at or after {@code from} occurs, or -1. */
  private static int nextStart(String text, int from) {
    int first = -1;
    for (String start : URL_STARTS) {
      int i = text.indexOf(start, from);
      if (i >= 0 && (first < 0 || i < first)) first = i;
    }
    return first;
  }

  private static String trimTrailing(String url) {
    int end = url.length();
    // Trimming never removes a '(', so where the last one is does not change in the loop.
    boolean parenthesized = url.lastIndexOf('(') > url.indexOf("://");
    while (end > 0 && ".,;:!?)".indexOf(url.charAt(end - 1)) >= 0) {
      if (url.charAt(end - 1) == ')' && parenthesized) break;
      end--;
    }
    return url.substring(0, end);
  }
}

package org.abstracta.searchapi.search.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits query text into tokens, leniently: a quote without its closing quote is dropped and the
 * rest read as words; {@code +} or {@code -} followed by a space is dropped, followed by a digit it
 * is a signed number ({@code -2}, {@code +1}), not an operator; a hyphen inside a word is part of
 * the word ({@code non-invasive}); {@code name:} is a field only when {@code name} is a known field
 * and a value follows without a space, so {@code arXiv:2303.16212} and URLs stay words. A leading
 * {@code *} is dropped (no leading wildcards: the rest is a plain word).
 */
final class QueryLexer {

  enum Kind {
    WORD,
    PHRASE,
    FIELD,
    LPAREN,
    RPAREN,
    AND,
    OR,
    NOT,
    PLUS,
    MINUS
  }

  /** No fuzzy modifier. */
  static final int NOT_FUZZY = -1;

  /** {@code word~} without a number: edits chosen from the word's length. */
  static final int AUTO_EDITS = -2;

  /**
   * One token.
   *
   * @param text the word, the phrase's text, or the canonical field name
   * @param prefix a word ending in {@code *}
   * @param fuzzy a word ending in {@code ~} or {@code ~N}: N, {@link #AUTO_EDITS}, or {@link
   *     #NOT_FUZZY}
   * @param slop a phrase's {@code ~N}, else 0
   * @param start where the token starts in the query text
   * @param end where it ends (exclusive)
   */
  record Token(Kind kind, String text, boolean prefix, int fuzzy, int slop, int start, int end) {}

  /** Field names a user may type, to the field they mean. */
  private static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("title", "title"),
          Map.entry("ti", "title"),
          Map.entry("abstract", "abstract"),
          Map.entry("abs", "abstract"),
          Map.entry("author", "author"),
          Map.entry("authors", "author"),
          Map.entry("au", "author"),
          Map.entry("subject", "subject"),
          Map.entry("cat", "subject"),
          Map.entry("year", "year"),
          Map.entry("type", "type"),
          Map.entry("source", "source"),
          Map.entry("hascode", "hasCode"),
          Map.entry("code", "hasCode"),
          Map.entry("id", "id"),
          Map.entry("arxiv", "id"),
          Map.entry("doi", "id"));

  private final String text;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private int start; // where the token being read starts

  private QueryLexer(String text) {
    this.text = text;
  }

  static List<Token> tokenize(String text) {
    QueryLexer lexer = new QueryLexer(text);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      start = pos;
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '(') {
        pos++;
        add(Kind.LPAREN, "(");
      } else if (c == ')') {
        pos++;
        add(Kind.RPAREN, ")");
      } else if (c == '"') {
        phrase();
      } else if ((c == '+' || c == '-') && atTokenStart() && !signedNumber()) {
        pos++;
        if (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
          add(c == '+' ? Kind.PLUS : Kind.MINUS, String.valueOf(c));
        }
      } else {
        word();
      }
    }
  }

  /**
   * Whether the sign at {@code pos} starts a number ({@code +1 nucleosomes}, {@code E2f-1, -2,
   * -3}): text, not an operator that would require or exclude the number.
   */
  private boolean signedNumber() {
    return pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1));
  }

  /** Whether the character at {@code pos} starts a token (an operator), not continues a word. */
  private boolean atTokenStart() {
    return pos == 0 || Character.isWhitespace(text.charAt(pos - 1)) || text.charAt(pos - 1) == '(';
  }

  private void phrase() {
    int close = text.indexOf('"', pos + 1);
    if (close < 0) {
      pos++; // an unbalanced quote: read what follows as words
      return;
    }
    String body = text.substring(pos + 1, close);
    pos = close + 1;
    int slop = 0;
    if (pos < text.length() && text.charAt(pos) == '~') {
      int start = ++pos;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
      slop = parseSmall(text.substring(start, pos), 0);
      skipWordRest();
    }
    if (!body.isBlank())
      tokens.add(new Token(Kind.PHRASE, body, false, NOT_FUZZY, slop, start, pos));
  }

  private void word() {
    while (pos < text.length() && !endsWord(text.charAt(pos))) pos++;
    String w = text.substring(start, pos);

    int colon = w.indexOf(':');
    if (colon > 0) {
      String field = FIELDS.get(w.substring(0, colon).toLowerCase(Locale.ROOT));
      if (field != null) {
        boolean valueFollows =
            colon + 1 < w.length() || (pos < text.length() && "(\"".indexOf(text.charAt(pos)) >= 0);
        if (valueFollows) {
          pos = start + colon + 1;
          add(Kind.FIELD, field);
        }
        // else "title: x": a field without a value is dropped, the next word is a plain word
        return;
      }
    }
    switch (w) {
      case "AND", "&&" -> add(Kind.AND, w);
      case "OR", "||" -> add(Kind.OR, w);
      case "NOT" -> add(Kind.NOT, w);
      default -> plainWord(w);
    }
  }

  private void plainWord(String w) {
    int fuzzy = NOT_FUZZY;
    int tilde = w.lastIndexOf('~');
    if (tilde >= 0) {
      String edits = w.substring(tilde + 1);
      fuzzy = edits.isEmpty() ? AUTO_EDITS : parseSmall(edits, AUTO_EDITS);
      w = w.substring(0, tilde);
    }
    boolean prefix = false;
    if (fuzzy == NOT_FUZZY && w.endsWith("*")) {
      prefix = true;
      w = stripTrailing(w, '*');
    }
    w = stripLeading(w, '*'); // no leading wildcards: "*ing" is the word "ing"
    if (w.isEmpty()) return;
    tokens.add(new Token(Kind.WORD, w, prefix, fuzzy, 0, start, pos));
  }

  /** A token of {@code kind} from {@link #start} to {@link #pos}. */
  private void add(Kind kind, String token) {
    tokens.add(new Token(kind, token, false, NOT_FUZZY, 0, start, pos));
  }

  private void skipWordRest() {
    while (pos < text.length() && !endsWord(text.charAt(pos))) pos++;
  }

  private static boolean endsWord(char c) {
    return Character.isWhitespace(c) || c == '(' || c == ')' || c == '"';
  }

  /** A small non-negative number, or {@code otherwise} (also for {@code 0.8}-style similarity). */
  private static int parseSmall(String digits, int otherwise) {
    if (digits.isEmpty() || digits.length() > 4) return otherwise;
    for (int i = 0; i < digits.length(); i++) {
      if (!Character.isDigit(digits.charAt(i))) return otherwise;
    }
    return Integer.parseInt(digits);
  }

  private static String stripTrailing(String s, char c) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == c) end--;
    return s.substring(0, end);
  }

  private static String stripLeading(String s, char c) {
    int start = 0;
    while (start < s.length() && s.charAt(start) == c) start++;
    return s.substring(start);
  }
}

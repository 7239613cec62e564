package org.abstracta.indexer.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer in plain Java, read from a Hugging Face {@code tokenizer.json}
 * ({@code BertNormalizer}, {@code BertPreTokenizer}, {@code WordPiece} model): the ids the
 * reference (Rust) tokenizer gives, without its native library.
 *
 * <p>The steps are the reference's: text that spells a special token ({@code [SEP]}) is that token;
 * the rest is cleaned (control characters dropped, every white space a space), CJK ideographs are
 * set apart, accents stripped (NFD without non-spacing marks) and letters lowercased; it is split
 * at white space and around each punctuation character; and each word becomes the longest
 * vocabulary pieces from its start ({@code ##} marking a piece inside a word), or {@code [UNK]}
 * when it cannot be (or has more than {@code max_input_chars_per_word} characters). Tested against
 * the reference's ids in {@code WordPieceTokenizerTest}.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class WordPieceTokenizer {
  private final Map<String, Integer> vocab;
  private final String subwordPrefix;
  private final int maxWordChars;
  private final int unkId;
  private final int clsId;
  private final int sepId;
  private final int padId;

  /** Special tokens matched in the raw text, longest first where one is a prefix of another. */
  private final List<Map.Entry<String, Integer>> specials;

  private WordPieceTokenizer(
      Map<String, Integer> vocab,
      String subwordPrefix,
      int maxWordChars,
      String unk,
      List<Map.Entry<String, Integer>> specials) {
    this.vocab = vocab;
    this.subwordPrefix = subwordPrefix;
    this.maxWordChars = maxWordChars;
    this.unkId = id(vocab, unk);
    this.clsId = id(vocab, "[CLS]");
    this.sepId = id(vocab, "[SEP]");
    this.padId = id(vocab, "[PAD]");
    this.specials = specials;
  }

  private static int id(Map<String, Integer> vocab, String token) {
    Integer id = vocab.get(token);
    if (id == null) throw new IllegalArgumentException("vocabulary has no " + token);
    return id;
  }

  /**
   * Reads a {@code tokenizer.json} whose model is WordPiece with a lowercasing BERT normalizer;
   * refuses any other kind (its ids would differ from the reference's).
   */
  public static WordPieceTokenizer read(InputStream tokenizerJson) throws IOException {
    JsonNode root = new ObjectMapper().readTree(tokenizerJson);
    JsonNode model = root.path("model");
    JsonNode normalizer = root.path("normalizer");
    if (!"WordPiece".equals(model.path("type").asText())
        || !"BertNormalizer".equals(normalizer.path("type").asText())
        || !normalizer.path("lowercase").asBoolean(false)
        || !normalizer.path("clean_text").asBoolean(false)
        || !normalizer.path("handle_chinese_chars").asBoolean(false)
        || !(normalizer.path("strip_accents").isNull()
            || normalizer.path("strip_accents").asBoolean(false))
        || !"BertPreTokenizer".equals(root.path("pre_tokenizer").path("type").asText())) {
      throw new IOException("not an uncased BERT WordPiece tokenizer");
    }
    Map<String, Integer> vocab = new HashMap<>(40_000);
    for (Map.Entry<String, JsonNode> e : model.path("vocab").properties()) {
      vocab.put(e.getKey(), e.getValue().asInt());
    }
    List<Map.Entry<String, Integer>> specials = new ArrayList<>();
    for (JsonNode added : root.path("added_tokens")) {
      if (added.path("special").asBoolean(false) && !added.path("normalized").asBoolean(true)) {
        specials.add(Map.entry(added.path("content").asText(), added.path("id").asInt()));
      }
    }
    specials.sort((a, b) -> b.getKey().length() - a.getKey().length());
    return new WordPieceTokenizer(
        vocab,
        model.path("continuing_subword_prefix").asText("##"),
        model.path("max_input_chars_per_word").asInt(100),
        model.path("unk_token").asText("[UNK]"),
        List.copyOf(specials));
  }

  public int clsId() {
    return clsId;
  }

  public int sepId() {
    return sepId;
  }

  public int padId() {
    return padId;
  }

  /** The word-piece ids of {@code text}, without {@code [CLS]} and {@code [SEP]} around them. */
  public int[] ids(String text) {
    IntList out = new IntList(Math.max(16, text.length() / 4));
    int from = 0;
    int i = 0;
    while (i < text.length()) {
      Map.Entry<String, Integer> special = text.charAt(i) == '[' ? specialAt(text, i) : null;
      if (special == null) {
        i++;
        continue;
      }
      if (i > from) words(normalize(text.substring(from, i)), out);
      out.add(special.getValue());
      i += special.getKey().length();
      from = i;
    }
    if (from < text.length()) words(normalize(from == 0 ? text : text.substring(from)), out);
    return out.toArray();
  }

  private Map.Entry<String, Integer> specialAt(String text, int i) {
    for (Map.Entry<String, Integer> s : specials) {
      if (text.startsWith(s.getKey(), i)) return s;
    }
    return null;
  }

  /** Cleaning, CJK spacing, accent stripping and lowercasing, as the BERT normalizer does them. */
  static String normalize(String text) {
    StringBuilder b = new StringBuilder(text.length() + 8);
    boolean ascii = true;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c < 0x80) {
        if (c == '\t' || c == '\n' || c == '\r' || c == ' ') b.append(' ');
        else if (c >= 0x20 && c != 0x7F) b.append((char) c);
        continue; // the other ASCII characters are controls (Cc), dropped
      }
      if (c == 0xFFFD || isControl(c)) continue;
      if (isWhitespace(c)) {
        b.append(' ');
      } else if (isCjk(c)) {
        b.append(' ').appendCodePoint(c).append(' ');
      } else {
        b.appendCodePoint(c);
        ascii = false;
      }
    }
    if (ascii) return lowerAscii(b);
    String nfd = Normalizer.normalize(b, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(nfd.length());
    for (int i = 0; i < nfd.length(); ) {
      int c = nfd.codePointAt(i);
      i += Character.charCount(c);
      if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
      // Character.toLowerCase's simple mapping equals the full one for everything that is left
      // after NFD (U+0130, the one unconditional exception, decomposed to I + a mark).
      out.appendCodePoint(Character.toLowerCase(c));
    }
    return out.toString();
  }

  private static String lowerAscii(StringBuilder b) {
    for (int i = 0; i < b.length(); i++) {
      char c = b.charAt(i);
      if (c >= 'A' && c <= 'Z') b.setCharAt(i, (char) (c + 32));
    }
    return b.toString();
  }

  /** Splits normalized text at white space and around punctuation, and adds each word's pieces. */
  private void words(String normalized, IntList out) {
    int start = -1;
    for (int i = 0; i < normalized.length(); ) {
      int c = normalized.codePointAt(i);
      int n = Character.charCount(c);
      if (isWhitespace(c)) {
        if (start >= 0) pieces(normalized, start, i, out);
        start = -1;
      } else if (isPunctuation(c)) {
        if (start >= 0) pieces(normalized, start, i, out);
        pieces(normalized, i, i + n, out);
        start = -1;
      } else if (start < 0) {
        start = i;
      }
      i += n;
    }
    if (start >= 0) pieces(normalized, start, normalized.length(), out);
  }

  /** The word {@code s[from, to)} as the longest vocabulary pieces from its start, else unknown. */
  private void pieces(String s, int from, int to, IntList out) {
    if (s.codePointCount(from, to) > maxWordChars) {
      out.add(unkId);
      return;
    }
    int mark = out.size();
    int start = from;
    while (start < to) {
      int end = to;
      Integer piece = null;
      while (start < end) {
        String sub = s.substring(start, end);
        piece = vocab.get(start > from ? subwordPrefix + sub : sub);
        if (piece != null) break;
        end = s.offsetByCodePoints(end, -1);
      }
      if (piece == null) {
        out.truncate(mark);
        out.add(unkId);
        return;
      }
      out.add(piece);
      start = end;
    }
  }

  /** White space as the reference sees it: Unicode's White_Space property. */
  static boolean isWhitespace(int c) {
    return switch (c) {
      case '\t',
          '\n',
          0x0B,
          0x0C,
          '\r',
          ' ',
          0x85,
          0xA0,
          0x1680,
          0x2028,
          0x2029,
          0x202F,
          0x205F,
          0x3000 ->
          true;
      default -> c >= 0x2000 && c <= 0x200A;
    };
  }

  /**
   * Other characters (Cc, Cf, Cs, Co), except tab and line ends, which are white space. Unassigned
   * code points are kept, as the reference keeps them (they become {@code [UNK]}).
   */
  private static boolean isControl(int c) {
    if (c == '\t' || c == '\n' || c == '\r') return false;
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE -> true;
      default -> false;
    };
  }

  /** ASCII punctuation (which includes {@code $+<=>^`|~}) and Unicode's P* categories. */
  static boolean isPunctuation(int c) {
    if (c < 0x80) {
      return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || c >= 123;
    }
    return switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION ->
          true;
      default -> false;
    };
  }

  /** The CJK ideograph blocks BERT sets apart as words of their own. */
  private static boolean isCjk(int c) {
    return (c >= 0x4E00 && c <= 0x9FFF)
        || (c >= 0x3400 && c <= 0x4DBF)
        || (c >= 0x20000 && c <= 0x2A6DF)
        || (c >= 0x2A700 && c <= 0x2B73F)
        || (c >= 0x2B740 && c <= 0x2B81F)
        || (c >= 0x2B920 && c <= 0x2CEAF)
        || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0x2F800 && c <= 0x2FA1F);
  }

  /** A growable int array. */
  private static final class IntList {
    private int[] a;
    private int n;

    IntList(int capacity) {
      a = new int[capacity];
    }

    void add(int v) {
      if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
      a[n++] = v;
    }

    int size() {
      return n;
    }

    void truncate(int size) {
      n = size;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(a, n);
    }
  }
}

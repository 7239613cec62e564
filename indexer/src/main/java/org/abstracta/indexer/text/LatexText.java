package org.abstracta.indexer.text;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the LaTeX that arXiv titles, abstracts and author names carry into text a reader wants to
 * see and a searcher can match: {@code \emph{x}} becomes {@code x}, <code>$&#92;unicode{x2013}$
 * </code> becomes "–", {@code Bal\'azs} becomes "Balázs", simple inline math stays readable ({@code
 * $\alpha \leq 1$} becomes "α ≤ 1"), and runs of white space (arXiv's line wrapping) become one
 * space.
 */
public final class LatexText {
  /** Math alphabets, which also apply to one letter without braces: {@code \\mathbb R}. */
  private static final List<String> BARE_COMMANDS =
      List.of(
          "mathrm",
          "mathbf",
          "mathit",
          "mathsf",
          "mathtt",
          "mathcal",
          "mathbb",
          "mathfrak",
          "mathscr",
          "boldsymbol",
          "bm");

  private static final Set<String> BARE_SET = Set.copyOf(BARE_COMMANDS);

  private static final Pattern FORMATTING_BARE =
      Pattern.compile(
          "\\\\(?:"
              + String.join("|", BARE_COMMANDS)
              + ")(?![A-Za-z])\\s*(\\\\[A-Za-z]+|[A-Za-z0-9])");

  /**
   * Commands whose braced argument is the text itself: {@code \\emph{x}} is "x"; the math alphabets
   * too. (The order of a pattern's names does not matter: each must be followed by a brace or a
   * space, so only the whole name can match.)
   */
  private static final List<String> FORMATTING_COMMANDS =
      Stream.concat(
              Stream.of(
                  "emph",
                  "textit",
                  "textbf",
                  "texttt",
                  "textrm",
                  "textsc",
                  "textsf",
                  "textup",
                  "textnormal",
                  "underline",
                  "text",
                  "mbox",
                  "hbox",
                  "operatorname",
                  "textsuperscript",
                  "textsubscript",
                  "textsl",
                  "textmd",
                  "mathnormal",
                  "ensuremath",
                  "pmb"),
              BARE_COMMANDS.stream())
          .toList();

  private static final Set<String> FORMATTING_SET = Set.copyOf(FORMATTING_COMMANDS);

  private static final Pattern FORMATTING =
      Pattern.compile("\\\\(?:" + String.join("|", FORMATTING_COMMANDS) + ")\\s*\\{([^{}]*)}");

  private static final Pattern TEXTCOLOR =
      Pattern.compile("\\\\textcolor\\s*\\{[^{}]*}\\s*\\{([^{}]*)}");

  /** The url and href commands: the text a reader sees, and the address. */
  private static final Pattern URL = Pattern.compile("\\\\url\\s*\\{([^{}]*)}");

  private static final Pattern HREF = Pattern.compile("\\\\href\\s*\\{([^{}]*)}\\s*\\{([^{}]*)}");
  private static final Pattern THIS_URL =
      Pattern.compile("(?i)\\s*this\\s+(?:https?|ftp)\\s+url\\s*");
  private static final Pattern FOOTNOTE = Pattern.compile("\\\\footnote\\s*\\{([^{}]*)}");

  /**
   * At most three optional arguments (a repeated group recurses per repetition in java.util.regex),
   * each ending at the next bracket (so a run of "\\cite[" costs linear time).
   */
  private static final Pattern CITE =
      Pattern.compile("\\\\(?:no)?cite[a-zA-Z]*\\*?(?:\\s*\\[[^\\[\\]]*]){0,3}\\s*\\{([^{}]*)}");

  /**
   * Passes over nested groups: real markup nests a few levels; text nested deeper keeps its inner
   * commands rather than costing one pass over the whole text per level.
   */
  private static final int MAX_PASSES = 8;

  private static final Pattern FRAC =
      Pattern.compile("\\\\[dt]?frac\\s*\\{([^{}]*)}\\s*\\{([^{}]*)}");
  private static final Pattern SQRT = Pattern.compile("\\\\sqrt\\s*\\{([^{}]*)}");

  /** Math accents: {@code \bar{D}} becomes "D̄", {@code \tilde{O}} "Õ"; a longer argument stays. */
  private static final Pattern MATH_ACCENT =
      Pattern.compile(
          "\\\\(bar|overline|hat|widehat|tilde|widetilde|dot|ddot|vec|check|breve|acute|grave|mathring)"
              + "(?![A-Za-z])\\s*(?:\\{([^{}]*)}|([^\\s\\\\{}$\u0003]))");

  private static final Map<String, String> MATH_ACCENT_MARKS =
      Map.ofEntries(
          Map.entry("bar", "\u0304"),
          Map.entry("overline", "\u0304"),
          Map.entry("hat", "\u0302"),
          Map.entry("widehat", "\u0302"),
          Map.entry("tilde", "\u0303"),
          Map.entry("widetilde", "\u0303"),
          Map.entry("dot", "\u0307"),
          Map.entry("ddot", "\u0308"),
          Map.entry("vec", "\u20D7"),
          Map.entry("check", "\u030C"),
          Map.entry("breve", "\u0306"),
          Map.entry("acute", "\u0301"),
          Map.entry("grave", "\u0300"),
          Map.entry("mathring", "\u030A"));
  private static final Pattern UNICODE = Pattern.compile("\\\\unicode\\{x?([0-9a-fA-F]{1,6})}");
  // \'a  \'{a}  {\'a}  \c{c}  \v s  and so on: accent command, then one letter (maybe braced).
  private static final Pattern ACCENT =
      Pattern.compile(
          "\\{?\\\\(['`^\"~=.]|[uvHckr](?=[\\s{]))\\s*(?:\\{\\s*(\\\\?[A-Za-z])\\s*}|(\\\\?[A-Za-z]))}?");
  private static final Map<String, String> ACCENT_MARKS =
      Map.ofEntries(
          Map.entry("'", "\u0301"),
          Map.entry("`", "\u0300"),
          Map.entry("^", "\u0302"),
          Map.entry("\"", "\u0308"),
          Map.entry("~", "\u0303"),
          Map.entry("=", "\u0304"),
          Map.entry(".", "\u0307"),
          Map.entry("u", "\u0306"),
          Map.entry("v", "\u030C"),
          Map.entry("H", "\u030B"),
          Map.entry("c", "\u0327"),
          Map.entry("k", "\u0328"),
          Map.entry("r", "\u030A"));
  private static final Pattern SYMBOL = Pattern.compile("\\\\([A-Za-z]+)(?![A-Za-z])(\\s*)");

  /**
   * Commands that TeX ends at the next non-letter and whose following spaces it swallows, where
   * that matters to a reader: letters ({@code Stra\ss e} is "Straße") and old font switches ({@code
   * {\it et al.}}, {@code \rm d\bf r}).
   */
  private static final Set<String> SWALLOW_SPACE =
      Set.of(
          "ss",
          "o",
          "O",
          "ae",
          "AE",
          "oe",
          "OE",
          "l",
          "L",
          "i",
          "j",
          "aa",
          "AA",
          "em",
          "it",
          "bf",
          "rm",
          "sl",
          "sf",
          "tt",
          "sc",
          "cal",
          "mit",
          "bfseries",
          "itshape",
          "mdseries",
          "upshape",
          "scshape",
          "rmfamily",
          "sffamily",
          "ttfamily",
          "slshape",
          "normalfont",
          "tiny",
          "scriptsize",
          "footnotesize",
          "small",
          "normalsize",
          "large",
          "Large",
          "LARGE",
          "huge",
          "Huge",
          "displaystyle",
          "textstyle",
          "scriptstyle",
          "noindent",
          "bigskip",
          "medskip",
          "smallskip");

  private static final Map<String, String> SYMBOLS =
      Map.ofEntries(
          Map.entry("alpha", "α"),
          Map.entry("beta", "β"),
          Map.entry("gamma", "γ"),
          Map.entry("delta", "δ"),
          Map.entry("epsilon", "ε"),
          Map.entry("varepsilon", "ε"),
          Map.entry("zeta", "ζ"),
          Map.entry("eta", "η"),
          Map.entry("theta", "θ"),
          Map.entry("iota", "ι"),
          Map.entry("kappa", "κ"),
          Map.entry("lambda", "λ"),
          Map.entry("mu", "μ"),
          Map.entry("nu", "ν"),
          Map.entry("xi", "ξ"),
          Map.entry("pi", "π"),
          Map.entry("rho", "ρ"),
          Map.entry("sigma", "σ"),
          Map.entry("tau", "τ"),
          Map.entry("phi", "φ"),
          Map.entry("varphi", "φ"),
          Map.entry("chi", "χ"),
          Map.entry("psi", "ψ"),
          Map.entry("omega", "ω"),
          Map.entry("Gamma", "Γ"),
          Map.entry("Delta", "Δ"),
          Map.entry("Theta", "Θ"),
          Map.entry("Lambda", "Λ"),
          Map.entry("Pi", "Π"),
          Map.entry("Sigma", "Σ"),
          Map.entry("Phi", "Φ"),
          Map.entry("Psi", "Ψ"),
          Map.entry("Omega", "Ω"),
          Map.entry("ell", "ℓ"),
          Map.entry("times", "×"),
          Map.entry("cdot", "·"),
          Map.entry("pm", "±"),
          Map.entry("leq", "≤"),
          Map.entry("le", "≤"),
          Map.entry("geq", "≥"),
          Map.entry("ge", "≥"),
          Map.entry("neq", "≠"),
          Map.entry("ne", "≠"),
          Map.entry("approx", "≈"),
          Map.entry("sim", "~"),
          Map.entry("simeq", "≃"),
          Map.entry("infty", "∞"),
          Map.entry("to", "→"),
          Map.entry("rightarrow", "→"),
          Map.entry("leftarrow", "←"),
          Map.entry("Rightarrow", "⇒"),
          Map.entry("in", "∈"),
          Map.entry("partial", "∂"),
          Map.entry("nabla", "∇"),
          Map.entry("sum", "∑"),
          Map.entry("prod", "∏"),
          Map.entry("int", "∫"),
          Map.entry("sqrt", "√"),
          Map.entry("ldots", "…"),
          Map.entry("dots", "…"),
          Map.entry("cdots", "⋯"),
          Map.entry("prime", "′"),
          Map.entry("circ", "°"),
          Map.entry("log", "log"),
          Map.entry("exp", "exp"),
          Map.entry("ss", "ß"),
          Map.entry("o", "ø"),
          Map.entry("O", "Ø"),
          Map.entry("ae", "æ"),
          Map.entry("AE", "Æ"),
          Map.entry("oe", "œ"),
          Map.entry("l", "ł"),
          Map.entry("L", "Ł"),
          Map.entry("i", "ı"),
          Map.entry("aa", "å"),
          Map.entry("AA", "Å"),
          Map.entry("textendash", "–"),
          Map.entry("textemdash", "—"),
          Map.entry("quad", " "),
          Map.entry("qquad", " "),
          Map.entry("left", ""),
          Map.entry("right", ""),
          Map.entry("LaTeX", "LaTeX"),
          Map.entry("TeX", "TeX"),
          Map.entry("OE", "Œ"),
          Map.entry("j", "ȷ"),
          Map.entry("upsilon", "υ"),
          Map.entry("omicron", "ο"),
          Map.entry("vartheta", "ϑ"),
          Map.entry("varrho", "ϱ"),
          Map.entry("varsigma", "ς"),
          Map.entry("varpi", "ϖ"),
          Map.entry("Xi", "Ξ"),
          Map.entry("Upsilon", "Υ"),
          Map.entry("hbar", "ℏ"),
          Map.entry("aleph", "ℵ"),
          Map.entry("mp", "∓"),
          Map.entry("div", "÷"),
          Map.entry("ast", "∗"),
          Map.entry("star", "⋆"),
          Map.entry("odot", "⊙"),
          Map.entry("oplus", "⊕"),
          Map.entry("otimes", "⊗"),
          Map.entry("lesssim", "≲"),
          Map.entry("gtrsim", "≳"),
          Map.entry("ll", "≪"),
          Map.entry("gg", "≫"),
          Map.entry("leqslant", "≤"),
          Map.entry("geqslant", "≥"),
          Map.entry("equiv", "≡"),
          Map.entry("cong", "≅"),
          Map.entry("propto", "∝"),
          Map.entry("parallel", "∥"),
          Map.entry("perp", "⊥"),
          Map.entry("top", "⊤"),
          Map.entry("mid", "|"),
          Map.entry("cap", "∩"),
          Map.entry("cup", "∪"),
          Map.entry("subset", "⊂"),
          Map.entry("subseteq", "⊆"),
          Map.entry("supset", "⊃"),
          Map.entry("supseteq", "⊇"),
          Map.entry("notin", "∉"),
          Map.entry("ni", "∋"),
          Map.entry("setminus", "∖"),
          Map.entry("emptyset", "∅"),
          Map.entry("varnothing", "∅"),
          Map.entry("forall", "∀"),
          Map.entry("exists", "∃"),
          Map.entry("neg", "¬"),
          Map.entry("wedge", "∧"),
          Map.entry("vee", "∨"),
          Map.entry("oint", "∮"),
          Map.entry("langle", "⟨"),
          Map.entry("rangle", "⟩"),
          Map.entry("leftrightarrow", "↔"),
          Map.entry("Leftrightarrow", "⇔"),
          Map.entry("Leftarrow", "⇐"),
          Map.entry("longrightarrow", "⟶"),
          Map.entry("mapsto", "↦"),
          Map.entry("uparrow", "↑"),
          Map.entry("downarrow", "↓"),
          Map.entry("vdots", "⋮"),
          Map.entry("ddots", "⋱"),
          Map.entry("dagger", "†"),
          Map.entry("bullet", "•"),
          Map.entry("degree", "°"),
          Map.entry("sin", "sin"),
          Map.entry("cos", "cos"),
          Map.entry("tan", "tan"),
          Map.entry("ln", "ln"),
          Map.entry("max", "max"),
          Map.entry("min", "min"),
          Map.entry("sup", "sup"),
          Map.entry("inf", "inf"),
          Map.entry("lim", "lim"),
          Map.entry("det", "det"),
          Map.entry("dim", "dim"),
          Map.entry("arg", "arg"),
          Map.entry("deg", "°"),
          Map.entry("em", ""),
          Map.entry("it", ""),
          Map.entry("bf", ""),
          Map.entry("rm", ""),
          Map.entry("sl", ""),
          Map.entry("sf", ""),
          Map.entry("tt", ""),
          Map.entry("sc", ""),
          Map.entry("cal", ""),
          Map.entry("mit", ""),
          Map.entry("bfseries", ""),
          Map.entry("itshape", ""),
          Map.entry("mdseries", ""),
          Map.entry("upshape", ""),
          Map.entry("scshape", ""),
          Map.entry("rmfamily", ""),
          Map.entry("sffamily", ""),
          Map.entry("ttfamily", ""),
          Map.entry("slshape", ""),
          Map.entry("normalfont", ""),
          Map.entry("tiny", ""),
          Map.entry("scriptsize", ""),
          Map.entry("footnotesize", ""),
          Map.entry("small", ""),
          Map.entry("normalsize", ""),
          Map.entry("large", ""),
          Map.entry("Large", ""),
          Map.entry("LARGE", ""),
          Map.entry("huge", ""),
          Map.entry("Huge", ""),
          Map.entry("displaystyle", ""),
          Map.entry("textstyle", ""),
          Map.entry("scriptstyle", ""),
          Map.entry("noindent", ""),
          Map.entry("bigskip", ""),
          Map.entry("medskip", ""),
          Map.entry("smallskip", ""),
          Map.entry("big", ""),
          Map.entry("Big", ""),
          Map.entry("bigg", ""),
          Map.entry("Bigg", ""),
          Map.entry("bigl", ""),
          Map.entry("bigr", ""),
          Map.entry("Bigl", ""),
          Map.entry("Bigr", ""),
          Map.entry("vert", "|"),
          Map.entry("lvert", "|"),
          Map.entry("rvert", "|"),
          Map.entry("Vert", "‖"),
          Map.entry("lVert", "‖"),
          Map.entry("rVert", "‖"),
          Map.entry("lceil", "⌈"),
          Map.entry("rceil", "⌉"),
          Map.entry("lfloor", "⌊"),
          Map.entry("rfloor", "⌋"),
          Map.entry("prec", "≺"),
          Map.entry("succ", "≻"),
          Map.entry("preceq", "⪯"),
          Map.entry("succeq", "⪰"),
          Map.entry("lessapprox", "⪅"),
          Map.entry("gtrapprox", "⪆"),
          Map.entry("Box", "□"),
          Map.entry("tanh", "tanh"),
          Map.entry("sinh", "sinh"),
          Map.entry("cosh", "cosh"),
          Map.entry("lg", "lg"),
          Map.entry("gcd", "gcd"),
          Map.entry("Pr", "Pr"),
          Map.entry("ker", "ker"),
          Map.entry("argmax", "argmax"),
          Map.entry("argmin", "argmin"),
          Map.entry("degr", "°"),
          Map.entry("arcsec", "″"),
          Map.entry("arcmin", "′"),
          Map.entry("color", ""),
          Map.entry("limits", ""),
          Map.entry("nolimits", ""),
          Map.entry("dotsc", "…"),
          Map.entry("dotsb", "⋯"));
  private static final Pattern ESCAPED = Pattern.compile("\\\\([&%_#$])");
  private static final Pattern SCRIPT = Pattern.compile("([_^])\\{([^{}]*)}");

  /**
   * Marks where markup was removed, so that a command before it does not run into the letters after
   * it ({@code \\in\\mathbb{R}} must not become the unknown command "\\inR"); dropped at the end.
   */
  private static final String SEP = "\u0003";

  /** An escaped dollar ({@code \\$}) while math delimiters are removed. */
  private static final String DOLLAR = "\u0004";

  private static final Pattern CONTROL_SPACE = Pattern.compile("\\\\\\s");

  /** What {@code \\s} matches in a pattern: after a backslash, a control space. */
  private static final String REGEX_SPACES = " \t\n\u000B\f\r";

  /** What may follow the backslash of an accent command ({@link #ACCENT}). */
  private static final String ACCENT_CHARS = "'`^\"~=.uvHckr";

  /** What {@link #ESCAPED} escapes. */
  private static final String ESCAPED_CHARS = "&%_#$";

  private LatexText() {}

  /** The readable form of {@code text}; null stays null. */
  public static String normalize(String text) {
    if (text == null) return null;
    String s = text;
    if (s.indexOf('\\') >= 0 || s.indexOf('$') >= 0 || s.indexOf('{') >= 0) {
      s = resolveMarkup(s);
    }
    if (s.contains("--")) s = s.replace("---", "—").replace("--", "–");
    return collapseWhitespace(s);
  }

  /** Runs of white space become one space; leading and trailing space is dropped. */
  static String collapseWhitespace(String s) {
    // In place over a copy of the chars: a run of white space is written as one space when a word
    // follows it; every abstract has line breaks to turn into spaces.
    char[] buf = s.toCharArray();
    int n = buf.length;
    int w = 0;
    boolean pendingSpace = false;
    boolean changed = false;
    for (int i = 0; i < n; i++) {
      char c = buf[i];
      if ((c <= ' ' || c > '~') && Character.isWhitespace(c)) {
        if (c != ' ' || pendingSpace || w == 0) changed = true;
        pendingSpace = true;
        continue;
      }
      if (pendingSpace && w > 0) buf[w++] = ' ';
      buf[w++] = c;
      pendingSpace = false;
    }
    if (pendingSpace) changed = true;
    return changed ? new String(buf, 0, w) : s;
  }

  private static String resolveMarkup(String s) {
    boolean commands = s.indexOf('\\') >= 0;
    if (commands) {
      if (s.contains("\\unicode")) {
        s = UNICODE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(codePoint(m.group(1))));
      }
      // Line breaks, math delimiters \( \) \[ \], and spacing commands.
      s = s.replace("\\\\", " ");
      s = s.replace("\\(", SEP).replace("\\)", SEP).replace("\\[", SEP).replace("\\]", SEP);
      s = s.replace("\\!", SEP).replace("\\-", SEP);
      s = s.replace("\\;", " ").replace("\\:", " ").replace("\\>", " ").replace("\\|", "‖");
      if (hasEscape(s, REGEX_SPACES)) s = CONTROL_SPACE.matcher(s).replaceAll(" ");
      if (hasEscape(s, ACCENT_CHARS)) s = replaceAccents(s);
      if (s.contains("cite")) {
        s =
            CITE.matcher(s)
                .replaceAll(m -> Matcher.quoteReplacement("[" + m.group(1).strip() + "]"));
      }
      // Nested groups need several passes; each pattern runs only when its command is present
      // (checked right before, as a replacement can join a command's name with letters after it),
      // and the passes stop once no group is left (most abstracts have none).
      String before;
      int passes = 0;
      do {
        before = s;
        if (hasCommand(s, FORMATTING_SET)) s = FORMATTING.matcher(s).replaceAll(SEP + "$1");
        if (hasCommand(s, BARE_SET)) s = FORMATTING_BARE.matcher(s).replaceAll(SEP + "$1");
        if (s.contains("color")) s = TEXTCOLOR.matcher(s).replaceAll(SEP + "$1");
        if (s.contains("\\url")) s = URL.matcher(s).replaceAll(SEP + "$1");
        if (s.contains("\\href")) {
          s =
              HREF.matcher(s)
                  .replaceAll(m -> Matcher.quoteReplacement(SEP + link(m.group(1), m.group(2))));
        }
        if (s.contains("\\footnote")) s = FOOTNOTE.matcher(s).replaceAll(" ($1)");
        if (s.contains("frac")) {
          s =
              FRAC.matcher(s)
                  .replaceAll(
                      m ->
                          Matcher.quoteReplacement(
                              SEP + group(m.group(1)) + "/" + group(m.group(2))));
        }
        if (s.contains("\\sqrt")) {
          s = SQRT.matcher(s).replaceAll(m -> Matcher.quoteReplacement("√" + group(m.group(1))));
        }
        s = mathAccents(s);
        if (s.contains("_{") || s.contains("^{")) s = SCRIPT.matcher(s).replaceAll("$1$2");
      } while (!s.equals(before) && s.indexOf('{') >= 0 && ++passes < MAX_PASSES);
      // Protect escaped characters; an escaped dollar must survive the removal of math delimiters.
      if (hasEscape(s, ESCAPED_CHARS)) {
        s = ESCAPED.matcher(s).replaceAll(m -> m.group(1).equals("$") ? DOLLAR : "\u0000$1");
      }
      s = SYMBOL.matcher(s).replaceAll(m -> Matcher.quoteReplacement(symbol(m)));
      s = mathAccents(s);
    }
    if (s.contains("_{") || s.contains("^{")) s = SCRIPT.matcher(s).replaceAll("$1$2");
    s = stripMathDelimiters(s);
    if (s.indexOf('{') >= 0 || s.indexOf('}') >= 0) {
      s = s.replace("\\{", "\u0001").replace("\\}", "\u0002").replace("{", "").replace("}", "");
      s = s.replace('\u0001', '{').replace('\u0002', '}');
    }
    if (commands) {
      s = s.replace("\\,", " ").replace("\\ ", " ").replace("\u0000", "");
      s = s.replace(SEP, "").replace(DOLLAR, "$");
      return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
    return s;
  }

  private static String mathAccents(String s) {
    if (!hasCommand(s, MATH_ACCENT_MARKS.keySet())) return s;
    return MATH_ACCENT.matcher(s).replaceAll(m -> Matcher.quoteReplacement(mathAccent(m)));
  }

  /**
   * Whether {@code s} has one of {@code names} as a command: a backslash and then exactly that run
   * of letters. The patterns of such commands end the name at a non-letter, so where this is false
   * they cannot match, and skipping them saves a regex scan of the whole text.
   */
  private static boolean hasCommand(String s, Set<String> names) {
    int n = s.length();
    for (int i = s.indexOf('\\'); i >= 0; i = s.indexOf('\\', i + 1)) {
      int end = i + 1;
      while (end < n && isAsciiLetter(s.charAt(end))) end++;
      if (end > i + 1 && names.contains(s.substring(i + 1, end))) return true;
    }
    return false;
  }

  /** Whether a backslash in {@code s} is followed by one of {@code chars}. */
  private static boolean hasEscape(String s, String chars) {
    int n = s.length();
    for (int i = s.indexOf('\\'); i >= 0 && i + 1 < n; i = s.indexOf('\\', i + 1)) {
      if (chars.indexOf(s.charAt(i + 1)) >= 0) return true;
    }
    return false;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static String codePoint(String hex) {
    int cp = Integer.parseInt(hex, 16);
    return Character.isValidCodePoint(cp) ? Character.toString(cp) : "";
  }

  private static String replaceAccents(String s) {
    if (s.indexOf('\\') < 0) return s;
    return ACCENT
        .matcher(s)
        .replaceAll(
            m -> {
              String letter = m.group(2) != null ? m.group(2) : m.group(3);
              if (letter.equals("\\i")) letter = "i";
              if (letter.equals("\\j")) letter = "j";
              if (letter.startsWith("\\")) return Matcher.quoteReplacement(m.group());
              String mark = ACCENT_MARKS.get(m.group(1));
              String out = Normalizer.normalize(letter + mark, Normalizer.Form.NFC);
              return Matcher.quoteReplacement(out);
            });
  }

  private static String symbol(java.util.regex.MatchResult m) {
    String replacement = SYMBOLS.get(m.group(1));
    if (replacement == null) return m.group(); // unknown command: leave it visible
    return SWALLOW_SPACE.contains(m.group(1)) ? replacement : replacement + m.group(2);
  }

  /** {@code \href{url}{text}}: "text (url)", or the bare url when the text only repeats it. */
  private static String link(String url, String text) {
    String u = url.replace(SEP, "").strip();
    String t = text.replace(SEP, "").strip();
    if (t.isEmpty() || t.equals(u) || THIS_URL.matcher(t).matches()) return u;
    return t + " (" + u + ")";
  }

  /** A fraction's or root's operand, parenthesized when it is more than one term. */
  private static String group(String operand) {
    String o = operand.strip();
    return o.length() > 1 && o.matches(".*[\\s+\\-−*/·×].*") ? "(" + o + ")" : o;
  }

  private static String mathAccent(java.util.regex.MatchResult m) {
    String arg = (m.group(2) != null ? m.group(2) : m.group(3)).replace(SEP, "").strip();
    // One character, or one command ("\\Sigma", resolved to its symbol later), takes the mark.
    if (arg.codePointCount(0, arg.length()) != 1 && !arg.matches("\\\\[A-Za-z]+")) return SEP + arg;
    return SEP + arg + MATH_ACCENT_MARKS.get(m.group(1));
  }

  /** Removes {@code $} delimiters of inline math (escaped dollars were protected before). */
  private static String stripMathDelimiters(String s) {
    return s.replace("$$", "").replace("$", "");
  }
}

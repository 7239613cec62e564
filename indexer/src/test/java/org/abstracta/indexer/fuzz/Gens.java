package org.abstracta.indexer.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.abstracta.indexer.fuzz.Property.Gen;

/**
 * Generic generators for {@link Property}: choices among values or generators, lists, strings of
 * any Unicode or of a given alphabet; and shrinking and printing of strings. Lengths lean short,
 * with the shortest and the longest allowed now and then, so both small and large inputs come up in
 * a few hundred tries.
 */
public final class Gens {
  private Gens() {}

  /** One of {@code values}, each as likely. */
  @SafeVarargs
  public static <T> Gen<T> of(T... values) {
    // Copied element by element: handing the generic array itself on is what javac warns about.
    List<T> list = new java.util.ArrayList<>(values.length);
    for (T v : values) list.add(v);
    return of(list);
  }

  /** One of {@code values}, each as likely. */
  public static <T> Gen<T> of(List<T> values) {
    List<T> copy = List.copyOf(values);
    return r -> copy.get(r.nextInt(copy.size()));
  }

  /** The value of one of {@code gens}, each as likely. */
  @SafeVarargs
  public static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    return r -> gens[r.nextInt(gens.length)].next(r);
  }

  /** {@code gen}'s values through {@code f}. */
  public static <T, R> Gen<R> map(Gen<T> gen, Function<? super T, ? extends R> f) {
    return r -> f.apply(gen.next(r));
  }

  /** A whole number in {@code [min, max]}. */
  public static Gen<Integer> between(int min, int max) {
    return r -> r.nextInt(min, max + 1);
  }

  /** Any {@code long}, its extremes and zero more often than by chance. */
  public static Gen<Long> anyLong() {
    return r ->
        switch (r.nextInt(10)) {
          case 0 -> Long.MIN_VALUE;
          case 1 -> Long.MAX_VALUE;
          case 2 -> 0L;
          default -> r.nextLong();
        };
  }

  /** A list of {@code min} to {@code max} values of {@code gen}. */
  public static <T> Gen<List<T>> list(Gen<T> gen, int min, int max) {
    return r -> {
      int n = length(r, min, max);
      List<T> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) list.add(gen.next(r));
      return list;
    };
  }

  /** The values of {@code gen}, {@code min} to {@code max} of them, joined. */
  public static Gen<String> joined(Gen<String> gen, int min, int max) {
    return map(list(gen, min, max), parts -> String.join("", parts));
  }

  /**
   * Any text of up to {@code max} chars: any UTF-16 unit (lone surrogates, NUL and noncharacters
   * included), with surrogate pairs, controls and ASCII more often than by chance.
   */
  public static Gen<String> unicode(int max) {
    return r -> {
      int n = length(r, 0, max);
      StringBuilder s = new StringBuilder(n);
      while (s.length() < n) {
        switch (r.nextInt(8)) {
          case 0 -> s.append((char) r.nextInt(0x20));
          case 1 -> s.append((char) r.nextInt(0x20, 0x7F));
          case 2 -> {
            if (s.length() + 2 <= n) s.appendCodePoint(r.nextInt(0x10000, 0x110000));
            else s.append((char) r.nextInt(0xD800, 0xE000));
          }
          default -> s.append((char) r.nextInt(0x10000));
        }
      }
      return s.toString();
    };
  }

  /**
   * Printable ASCII and the usual whitespace and controls (U+0000 to U+007F), up to {@code max}.
   */
  public static Gen<String> ascii(int max) {
    return chars(max, r -> (char) r.nextInt(0x80));
  }

  /** Letters {@code a-z} and {@code A-Z}, {@code min} to {@code max} of them. */
  public static Gen<String> alpha(int min, int max) {
    return from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min, max);
  }

  /** Chars of {@code alphabet}, {@code min} to {@code max} of them. */
  public static Gen<String> from(String alphabet, int min, int max) {
    return chars(min, max, r -> alphabet.charAt(r.nextInt(alphabet.length())));
  }

  /** Chars from {@code first} to {@code last}, up to {@code max} of them. */
  public static Gen<String> range(char first, char last, int max) {
    return chars(max, r -> (char) r.nextInt(first, last + 1));
  }

  private static Gen<String> chars(int max, Gen<Character> c) {
    return chars(0, max, c);
  }

  private static Gen<String> chars(int min, int max, Gen<Character> c) {
    return r -> {
      int n = length(r, min, max);
      StringBuilder s = new StringBuilder(n);
      for (int i = 0; i < n; i++) s.append(c.next(r));
      return s.toString();
    };
  }

  /**
   * A length in {@code [min, max]}: one time in ten either end, one in ten anywhere, otherwise at
   * most 32 over {@code min} — short inputs are cheap and find most failures, long ones still come
   * up.
   */
  static int length(Random r, int min, int max) {
    return switch (r.nextInt(20)) {
      case 0 -> min;
      case 1 -> max;
      case 2, 3 -> r.nextInt(min, max + 1);
      default -> r.nextInt(min, Math.min(max, min + 32) + 1);
    };
  }

  /** A property over strings, shrunk with {@link #shrink} and printed with {@link #show}. */
  public static Property<String> forAllStrings(String name, int tries, Gen<String> gen) {
    return Property.forAll(name, tries, gen).shrinkWith(Gens::shrink).showWith(Gens::show);
  }

  /** Shorter variants of {@code s}: halves, quarters … down to single chars removed. */
  public static Stream<String> shrink(String s) {
    return IntStream.iterate(Math.max(1, s.length() / 2), size -> size >= 1, size -> size / 2)
        .boxed()
        .flatMap(
            size ->
                IntStream.iterate(0, at -> at + size <= s.length(), at -> at + size)
                    .mapToObj(at -> s.substring(0, at) + s.substring(at + size)));
  }

  /** {@code s} as a Java string literal: printable ASCII as is, other chars as {@code \\uXXXX}. */
  public static String show(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length() && out.length() < 3000; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c >= 0x20 && c < 0x7F) out.append(c);
          else out.append(String.format("\\u%04X", (int) c));
        }
      }
    }
    if (out.length() >= 3000) out.append("… (").append(s.length()).append(" chars)");
    return out.append("\"").toString();
  }
}

package org.abstracta.indexer.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates that listing pages print ("Mar 29, 2023", "Jan 20", "Oct 19, 2023 1") and gives a
 * year to those printed without one: the year that puts the date on or before the reference date.
 */
public final class DateResolver {
  /** A month's name or its abbreviation ("Mar", "March", "Sept."), not any word starting so. */
  private static final String MONTH =
      "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";

  /** Month day[, year][ votes] — the whole line; a vote count has at most 9 digits (an int). */
  private static final Pattern MONTH_DAY =
      Pattern.compile("^" + MONTH + "\\s+(\\d{1,2})(?:,\\s*(\\d{4}))?(?:\\s+(\\d{1,9}))?$");

  /** Month day[, year] at the start of a text; the day and year end where their digits end. */
  private static final Pattern LEADING =
      Pattern.compile("^" + MONTH + "\\s+(\\d{1,2})(?!\\d)(?:,\\s*(\\d{4})(?!\\d))?");

  private static final Map<String, Month> MONTHS =
      Map.ofEntries(
          Map.entry("jan", Month.JANUARY),
          Map.entry("feb", Month.FEBRUARY),
          Map.entry("mar", Month.MARCH),
          Map.entry("apr", Month.APRIL),
          Map.entry("may", Month.MAY),
          Map.entry("jun", Month.JUNE),
          Map.entry("jul", Month.JULY),
          Map.entry("aug", Month.AUGUST),
          Map.entry("sep", Month.SEPTEMBER),
          Map.entry("sept", Month.SEPTEMBER),
          Map.entry("oct", Month.OCTOBER),
          Map.entry("nov", Month.NOVEMBER),
          Map.entry("dec", Month.DECEMBER));

  private final LocalDate asOf;

  public DateResolver(LocalDate asOf) {
    this.asOf = asOf;
  }

  /**
   * A printed date.
   *
   * @param date the resolved date
   * @param yearInferred no year was printed
   * @param votes a trailing number after the date (a digest's vote count), or null
   */
  public record PrintedDate(LocalDate date, boolean yearInferred, Integer votes) {}

  /** The date printed at the start of {@code text} ("Mar 29, 2023Code"), or null. */
  public PrintedDate parseLeading(String text) {
    Matcher m = LEADING.matcher(text);
    return m.lookingAt() ? resolve(m.group(1), m.group(2), m.group(3), null) : null;
  }

  /** A line that is exactly a date, optionally followed by a vote count; null if it is not one. */
  public PrintedDate parseLine(String line) {
    Matcher m = MONTH_DAY.matcher(line.strip());
    if (!m.matches()) return null;
    return resolve(m.group(1), m.group(2), m.group(3), m.group(4));
  }

  private PrintedDate resolve(String month, String day, String year, String votes) {
    Month mo = MONTHS.get(month.substring(0, 3).toLowerCase(Locale.ROOT));
    int d = Integer.parseInt(day);
    Integer v = votes == null ? null : Integer.valueOf(votes);
    try {
      if (year != null)
        return new PrintedDate(LocalDate.of(Integer.parseInt(year), mo, d), false, v);
      for (int y = asOf.getYear(); y >= asOf.getYear() - 8; y--) {
        if (!mo.equals(Month.FEBRUARY) || d <= 28 || java.time.Year.isLeap(y)) {
          LocalDate candidate = LocalDate.of(y, mo, d);
          if (!candidate.isAfter(asOf)) return new PrintedDate(candidate, true, v);
        }
      }
      return null;
    } catch (DateTimeException e) {
      return null; // "Feb 31": not a date
    }
  }

  /** Where {@code text} starts with a date, how many characters the date takes; else 0. */
  public static int leadingDateLength(String text) {
    Matcher m = LEADING.matcher(text);
    return m.lookingAt() ? m.end() : 0;
  }
}

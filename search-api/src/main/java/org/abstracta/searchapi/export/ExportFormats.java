package org.abstracta.searchapi.export;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Every export format, in the order the API documents them. */
public final class ExportFormats {
  /** The formats, each once. */
  public static final List<ExportFormat> ALL =
      List.of(new AtomFeed(), new BibTeX(), new Ris(), new CslJson(), new ICalendar());

  private ExportFormats() {}

  /** The format named {@code name} (any case), if there is one. */
  public static Optional<ExportFormat> named(String name) {
    if (name == null) return Optional.empty();
    String n = name.strip().toLowerCase(Locale.ROOT);
    return ALL.stream().filter(f -> f.name().equals(n)).findFirst();
  }

  /** The formats' names: {@code atom, bibtex, ris, csl-json, ics}. */
  public static List<String> names() {
    return ALL.stream().map(ExportFormat::name).toList();
  }
}

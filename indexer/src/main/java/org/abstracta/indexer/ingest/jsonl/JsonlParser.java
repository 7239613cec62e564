package org.abstracta.indexer.ingest.jsonl;

import java.util.List;
import org.abstracta.indexer.ingest.BadRecordException;
import org.abstracta.indexer.ingest.InputFile;
import org.abstracta.indexer.ingest.JsonLines;
import org.abstracta.indexer.ingest.LineParser;
import org.abstracta.indexer.ingest.ParseContext;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.PaperId;
import org.abstracta.indexer.model.PaperJson;
import org.abstracta.indexer.model.Source;
import org.abstracta.indexer.model.Subject;

/**
 * Reads Abstracta's own document model, one JSON object per line: what {@code export} writes, so an
 * index can be rebuilt or moved. Records keep their own {@code sources}; a record that names none
 * gets this file as its source. A missing id is derived from the title. A source needs a file and a
 * format, a subject a code; a record that lacks one is skipped.
 */
public final class JsonlParser implements LineParser {
  public static final String FORMAT = "jsonl";

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public boolean accepts(String head, String fileName) {
    String line = JsonLines.firstLine(head);
    return JsonLines.objectWithKeys(line, "title")
        && (line.contains("\"sources\"") || line.contains("\"id\""));
  }

  @Override
  public Paper parseLine(String line, InputFile input, ParseContext context)
      throws BadRecordException {
    if (line.isBlank()) return null;
    Paper p = JsonLines.read(PaperJson.reader(), line);
    if (p.title() == null || p.title().isBlank()) throw new BadRecordException("no 'title'");
    for (Source s : p.sources()) {
      if (s.file() == null || s.file().isBlank() || s.format() == null || s.format().isBlank()) {
        throw new BadRecordException("a 'sources' entry without 'file' or 'format'");
      }
    }
    for (Subject s : p.subjects()) {
      if (s.code() == null || s.code().isBlank()) {
        throw new BadRecordException("a 'subjects' entry without 'code'");
      }
    }
    String id =
        p.id() == null || p.id().isBlank()
            ? PaperId.fromTitle(p.title())
            : PaperId.normalize(p.id());
    List<Source> sources =
        p.sources().isEmpty() ? List.of(new Source(input.name(), FORMAT, null)) : p.sources();
    return p.toBuilder().id(id).sources(sources).build();
  }
}

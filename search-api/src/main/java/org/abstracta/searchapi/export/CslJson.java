package org.abstracta.searchapi.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.Subject;

/**
 * CSL-JSON, the citation data of Zotero, Pandoc and citeproc: an array of items. Papers are {@code
 * article} (CSL's type for preprints), talks {@code speech}; arXiv papers name arXiv as publisher
 * and their id as number, as Zotero writes them. A date whose year was inferred is marked {@code
 * circa}.
 */
public final class CslJson implements ExportFormat {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public String name() {
    return "csl-json";
  }

  @Override
  public String mediaType() {
    return "application/vnd.citationstyles.csl+json; charset=utf-8";
  }

  @Override
  public String extension() {
    return "json";
  }

  @Override
  public String write(Export export) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Citation c : Citation.of(export)) items.add(item(c));
    try {
      return JSON.writeValueAsString(items) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of strings always serialize", e);
    }
  }

  private static Map<String, Object> item(Citation c) {
    Paper p = c.paper();
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("id", c.key());
    item.put("type", c.talk() ? "speech" : "article");
    item.put("title", Text.oneLine(p.title()));
    if (!c.authors().isEmpty()) {
      List<Map<String, String>> authors = new ArrayList<>();
      for (PersonName n : c.authors()) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("family", Text.oneLine(n.family()));
        if (!n.given().isEmpty()) a.put("given", Text.oneLine(n.given()));
        if (!n.suffix().isEmpty()) a.put("suffix", n.suffix());
        authors.add(a);
      }
      item.put("author", authors);
    }
    if (p.date() != null) {
      Map<String, Object> issued = new LinkedHashMap<>();
      issued.put(
          "date-parts",
          List.of(List.of(p.date().getYear(), p.date().getMonthValue(), p.date().getDayOfMonth())));
      if (p.yearInferred()) issued.put("circa", true);
      item.put("issued", issued);
    }
    if (p.abstractText() != null) item.put("abstract", Text.clean(p.abstractText()));
    if (c.arxivId() != null) {
      item.put("publisher", "arXiv");
      item.put("number", "arXiv:" + c.arxivId());
    }
    if (c.talk() && p.location() != null) item.put("event-place", Text.oneLine(p.location()));
    if (p.doi() != null) item.put("DOI", p.doi());
    item.put("URL", c.url());
    if (!p.subjects().isEmpty()) {
      item.put(
          "keyword", p.subjects().stream().map(Subject::code).collect(Collectors.joining(", ")));
    }
    return item;
  }
}

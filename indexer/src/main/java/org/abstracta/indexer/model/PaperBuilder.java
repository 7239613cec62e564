package org.abstracta.indexer.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Mutable assembly of a {@link Paper}: readers fill in what their format says. */
public final class PaperBuilder {
  private String id;
  private PaperType type = PaperType.PAPER;
  private String title;
  private String abstractText;
  private List<String> authors = new ArrayList<>();
  private boolean authorsTruncated;
  private Integer authorCount;
  private List<String> affiliations = new ArrayList<>();
  private List<Subject> subjects = new ArrayList<>();
  private LocalDate date;
  private boolean yearInferred;
  private boolean hasCode;
  private List<String> links = new ArrayList<>();
  private String doi;
  private Integer votes;
  private List<Source> sources = new ArrayList<>();
  private List<String> speakers = new ArrayList<>();
  private String location;
  private OffsetDateTime start;
  private OffsetDateTime end;
  private String bio;
  private List<InferredSubject> inferredSubjects = new ArrayList<>();

  PaperBuilder() {}

  PaperBuilder(Paper p) {
    id = p.id();
    type = p.type();
    title = p.title();
    abstractText = p.abstractText();
    authors = new ArrayList<>(p.authors());
    authorsTruncated = p.authorsTruncated();
    authorCount = p.authorCount();
    affiliations = new ArrayList<>(p.affiliations());
    subjects = new ArrayList<>(p.subjects());
    date = p.date();
    yearInferred = p.yearInferred();
    hasCode = p.hasCode();
    links = new ArrayList<>(p.links());
    doi = p.doi();
    votes = p.votes();
    sources = new ArrayList<>(p.sources());
    speakers = new ArrayList<>(p.speakers());
    location = p.location();
    start = p.start();
    end = p.end();
    bio = p.bio();
    inferredSubjects = new ArrayList<>(p.inferredSubjects());
  }

  public PaperBuilder id(String v) {
    id = v;
    return this;
  }

  public PaperBuilder type(PaperType v) {
    type = v;
    return this;
  }

  public PaperBuilder title(String v) {
    title = v;
    return this;
  }

  public PaperBuilder abstractText(String v) {
    abstractText = v;
    return this;
  }

  public PaperBuilder authors(List<String> v) {
    authors = new ArrayList<>(v);
    return this;
  }

  public PaperBuilder authorsTruncated(boolean v) {
    authorsTruncated = v;
    return this;
  }

  public PaperBuilder authorCount(Integer v) {
    authorCount = v;
    return this;
  }

  public PaperBuilder affiliations(List<String> v) {
    affiliations = new ArrayList<>(v);
    return this;
  }

  public PaperBuilder subjects(List<Subject> v) {
    subjects = new ArrayList<>(v);
    return this;
  }

  public PaperBuilder date(LocalDate v) {
    date = v;
    return this;
  }

  public PaperBuilder yearInferred(boolean v) {
    yearInferred = v;
    return this;
  }

  public PaperBuilder hasCode(boolean v) {
    hasCode = v;
    return this;
  }

  public PaperBuilder links(List<String> v) {
    links = new ArrayList<>(v);
    return this;
  }

  public PaperBuilder doi(String v) {
    doi = v;
    return this;
  }

  public PaperBuilder votes(Integer v) {
    votes = v;
    return this;
  }

  public PaperBuilder sources(List<Source> v) {
    sources = new ArrayList<>(v);
    return this;
  }

  public PaperBuilder source(Source v) {
    sources = new ArrayList<>(List.of(v));
    return this;
  }

  public PaperBuilder speakers(List<String> v) {
    speakers = new ArrayList<>(v);
    return this;
  }

  public PaperBuilder location(String v) {
    location = v;
    return this;
  }

  public PaperBuilder start(OffsetDateTime v) {
    start = v;
    return this;
  }

  public PaperBuilder end(OffsetDateTime v) {
    end = v;
    return this;
  }

  public PaperBuilder bio(String v) {
    bio = v;
    return this;
  }

  public PaperBuilder inferredSubjects(List<InferredSubject> v) {
    inferredSubjects = new ArrayList<>(v);
    return this;
  }

  public Paper build() {
    return new Paper(
        id,
        type,
        title,
        abstractText,
        authors,
        authorsTruncated,
        authorCount,
        affiliations,
        subjects,
        date,
        yearInferred,
        hasCode,
        links,
        doi,
        votes,
        sources,
        speakers,
        location,
        start,
        end,
        bio,
        inferredSubjects);
  }
}

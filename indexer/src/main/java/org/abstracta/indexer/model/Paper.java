package org.abstracta.indexer.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One paper or talk as Abstracta knows it: what every reader produces and what the index stores.
 *
 * <p>Lists are never null (empty instead); optional scalars are null when no input gave them. The
 * JSON form of this record is the {@code jsonl} input format and the output of {@code export}.
 *
 * @param id arXiv id without version, else the DOI, else a stable id derived from the title (see
 *     {@link PaperId})
 * @param authorsTruncated an input listed only the first authors ("et al.")
 * @param authorCount the number of authors when an input gave only a count ("4 authors")
 * @param yearInferred the input printed no year; {@code date}'s year was chosen from the reference
 *     date
 * @param votes a digest's trailing vote count
 * @param bio a talk's speaker biography
 * @param speakers a talk's speakers (also listed as authors)
 * @param inferredSubjects subjects voted by the nearest labelled papers, only for a paper no input
 *     gave a subject (empty otherwise); never mixed into {@code subjects}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Paper(
    String id,
    PaperType type,
    String title,
    @JsonProperty("abstract") String abstractText,
    List<String> authors,
    boolean authorsTruncated,
    Integer authorCount,
    List<String> affiliations,
    List<Subject> subjects,
    LocalDate date,
    boolean yearInferred,
    boolean hasCode,
    List<String> links,
    String doi,
    Integer votes,
    List<Source> sources,
    List<String> speakers,
    String location,
    OffsetDateTime start,
    OffsetDateTime end,
    String bio,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<InferredSubject> inferredSubjects) {

  public Paper {
    authors = copy(authors);
    affiliations = copy(affiliations);
    subjects = copy(subjects);
    links = copy(links);
    sources = copy(sources);
    speakers = copy(speakers);
    inferredSubjects = copy(inferredSubjects);
    if (type == null) type = PaperType.PAPER;
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** The publication year, or null when the date is unknown. */
  public Integer year() {
    return date == null ? null : date.getYear();
  }

  /** A builder starting from this paper's values. */
  public PaperBuilder toBuilder() {
    return new PaperBuilder(this);
  }

  public static PaperBuilder builder() {
    return new PaperBuilder();
  }
}

package org.abstracta.searchapi.export;

/**
 * One file format papers can be exported in, named by the {@code format} parameter.
 *
 * <p>To add a format: implement this interface in this package (a class with a public no-argument
 * constructor is enough), writing every paper of {@link Export#papers()} with the escaping the
 * format needs, and list it in {@link ExportFormats#ALL}; the API, its OpenAPI document and the
 * page's links pick it up from there.
 */
public interface ExportFormat {

  /** The {@code format} parameter's value: {@code bibtex}. */
  String name();

  /** The response's {@code Content-Type}, with its charset where it has one. */
  String mediaType();

  /** The file name extension, without the dot: {@code bib}. */
  String extension();

  /**
   * Whether a browser should show the response rather than save it (a feed that a reader subscribes
   * to); otherwise it is an attachment.
   */
  default boolean inline() {
    return false;
  }

  /**
   * Whether this format holds only talks (a calendar): a search in it looks for talks unless its
   * {@code type} filter says otherwise.
   */
  default boolean talksOnly() {
    return false;
  }

  /** Whether a search in this format lists the newest first unless its {@code sort} says. */
  default boolean newestFirst() {
    return false;
  }

  /** Whether this paper has a place in this format (a calendar holds talks with a time). */
  default boolean holds(org.abstracta.indexer.model.Paper paper) {
    return true;
  }

  /** The whole file. */
  String write(Export export);
}

/**
 * Papers written as files people take elsewhere: an Atom feed of a search, citations (BibTeX, RIS,
 * CSL-JSON) and a calendar of talks (iCalendar). Each format is one {@link ExportFormat}, listed in
 * {@link ExportFormats}; each writes an {@link Export} (the papers, and what the feed or calendar
 * is called and where it lives) to text, with its own escaping.
 *
 * <p>May use: the indexer's {@code model}, the {@code search} seam's records. Never Lucene, never
 * the HTTP layer.
 */
package org.abstracta.searchapi.export;

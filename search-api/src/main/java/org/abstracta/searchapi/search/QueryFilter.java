package org.abstracta.searchapi.search;

/**
 * A filter typed in the query ({@code year:2019..2023}, {@code subject:cs.LG}, {@code
 * author:Hinton}), applied like the URL's filter of that dimension.
 *
 * @param dim the facet dimension ({@code subject}, {@code year}, {@code author}, {@code type},
 *     {@code source}, {@code hasCode})
 * @param value the value as typed (unquoted)
 * @param text the clause as typed in the query, field name included: what a page removes from the
 *     query to drop the filter
 * @param quoted the value was in quotes: an author's name as a whole, not its words in any order
 */
public record QueryFilter(String dim, String value, String text, boolean quoted) {}

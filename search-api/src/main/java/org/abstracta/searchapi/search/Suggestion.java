package org.abstracta.searchapi.search;

/**
 * A completion for what a user is typing.
 *
 * @param text the completed text
 * @param kind {@code title}, {@code author} or {@code term}
 * @param id the paper's id for a title completion, else null
 */
public record Suggestion(String text, String kind, String id) {}

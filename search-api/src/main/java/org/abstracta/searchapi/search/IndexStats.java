package org.abstracta.searchapi.search;

import java.util.Map;

/**
 * What the served index holds.
 *
 * @param documents live documents
 * @param perType documents per type
 * @param lastCommit when the served commit was made (ISO instant), or null
 * @param generation the served commit's generation
 */
public record IndexStats(
    long documents, Map<String, Long> perType, String lastCommit, long generation) {}

/**
 * Search by meaning, the index's side: the embedding model in process ({@link
 * org.abstracta.indexer.embed.EmbeddingModel}, ONNX Runtime over a model file from Maven Central,
 * {@link org.abstracta.indexer.embed.WordPieceTokenizer}), the embedding stage that follows the
 * keyword commit ({@link org.abstracta.indexer.embed.EmbedRun}), and the subjects inferred from
 * labelled neighbours ({@code SubjectInference}).
 *
 * <p>Uses {@code schema} (documents and fields, one place), {@code model} and {@code index} (the
 * writer's settings, commit data, progress); never the search side. The search side uses {@link
 * org.abstracta.indexer.embed.Embedder#embedQuery} against {@link
 * org.abstracta.indexer.embed.ModelInfo#field()}, and {@link
 * org.abstracta.indexer.embed.IndexedVectors} to count vectors and to check a commit's model.
 */
package org.abstracta.indexer.embed;

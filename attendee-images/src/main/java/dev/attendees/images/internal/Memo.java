package dev.attendees.images.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values computed once per key, by the first caller, while later callers for the same key wait
 * for that result; a failure is remembered too and thrown to every caller (so a page or a photo
 * that failed is not asked for again within a run). Thread-safe.
 */
final class Memo<K, V> {
    private final Map<K, CompletableFuture<V>> values = new ConcurrentHashMap<>();

    /** The value of {@code key}, computed by {@code loader} unless known. */
    V get(K key, Supplier<V> loader) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> known = values.putIfAbsent(key, mine);
        if (known == null) {
            try {
                mine.complete(loader.get());
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
            }
            known = mine;
        }
        try {
            return known.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }
}

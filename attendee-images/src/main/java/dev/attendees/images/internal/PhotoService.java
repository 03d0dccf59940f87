package dev.attendees.images.internal;

import okhttp3.Headers;

/**
 * One remote photo service's protocol: its credentials, how a page of its pool is fetched, and
 * what using a photo requires (Unsplash: a download-tracking call).
 */
public interface PhotoService {

    /** The name in summaries and origin counts, e.g. {@code unsplash}. */
    String name();

    /** Headers that carry the credentials, sent only to the service's own origin. */
    Headers credentials();

    /** Photos per page. */
    int pageSize();

    /** Page {@code number} (1-based) of the pool. */
    PhotoPage page(ApiClient api, int number);

    /** Called once per photo the run uses, after its download; a failure means the photo is not used. */
    default void used(ApiClient api, RemotePhoto photo) {}

    /** The licence's name for the attribution file. */
    String license();

    /** Where the licence is. */
    String licenseUrl();
}

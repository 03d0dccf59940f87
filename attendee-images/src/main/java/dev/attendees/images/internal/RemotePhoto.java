package dev.attendees.images.internal;

import okhttp3.HttpUrl;

/**
 * One photo of a remote service's pool, with what its attribution needs.
 *
 * @param id the service's id of the photo (remote text: only ever hashed or escaped, never a file name)
 * @param image where to download it, sized for the run
 * @param author the photographer or author
 * @param authorUrl the author's profile, or {@code ""}
 * @param pageUrl the photo's page, or {@code ""}
 * @param tracking the service's download-tracking URL (Unsplash), or {@code null}
 */
public record RemotePhoto(String id, HttpUrl image, String author, String authorUrl, String pageUrl, HttpUrl tracking) {}

/**
 * Not API: the avatar painter, the shared downloader, cache, rate-limit gate, photo pools, the
 * remote services' protocols and the attribution writer. May change in any release; use
 * {@link dev.attendees.images} instead.
 */
package dev.attendees.images.internal;

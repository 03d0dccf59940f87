/**
 * Attendee images: {@link dev.attendees.images.AvatarImageProvider} draws a local, deterministic
 * avatar for everyone (no network, no key); {@link dev.attendees.images.UnsplashImageProvider},
 * {@link dev.attendees.images.GeneratedPhotosImageProvider} and
 * {@link dev.attendees.images.RandomUserImageProvider} download photos through OkHttp, page
 * through a pool instead of one request per attendee, keep within rate limits, cache downloads,
 * credit every photo in {@code images/ATTRIBUTION.csv} and fall back to the avatar for any
 * attendee whose photo fails. {@link dev.attendees.images.ImageProviders} finds one by name.
 *
 * <pre>{@code
 * try (ImageProvider images = ImageProviders.named("avatar")) {
 *     AttendeeGenerator g = AttendeeGenerator.builder().imageProvider(images).outputDirectory(out).build();
 *     g.generate(10).get(0).imagePath();     // "images/1.png", relative to out
 * }
 * }</pre>
 *
 * <p>Implements {@link dev.attendees.spi.ImageProvider}; never depends on another provider module.
 */
package dev.attendees.images;

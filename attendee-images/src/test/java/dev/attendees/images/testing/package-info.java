/**
 * Test fixtures shipped in the test-jar of {@code attendee-images}: {@link dev.attendees.images.testing.FakePhotoApi},
 * local fakes of the photo services' APIs and image hosts, and {@link dev.attendees.images.testing.PhotoProtocols},
 * the services' protocols. Used by this module's tests and the CLI's; not part of the library.
 */
package dev.attendees.images.testing;

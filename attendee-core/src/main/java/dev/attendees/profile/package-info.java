/**
 * Event profiles: the data that makes an event type (job-title mix, industries, companies,
 * interest catalogue, booths, arrival curve). Shipped profiles are JSON resources; users load
 * their own with {@link dev.attendees.profile.EventProfiles#load(java.nio.file.Path)}. The schema
 * is documented in {@code docs/profiles.md}.
 */
package dev.attendees.profile;

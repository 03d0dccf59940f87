package dev.attendees.images.internal;

import java.util.List;

/**
 * One page of a service's photos.
 *
 * @param photos the usable photos, in the service's order
 * @param total how many photos the whole search holds, or -1 when the service does not say
 */
public record PhotoPage(List<RemotePhoto> photos, long total) {
    public PhotoPage {
        photos = List.copyOf(photos);
    }
}

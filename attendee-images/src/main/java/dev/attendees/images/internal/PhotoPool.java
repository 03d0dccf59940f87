package dev.attendees.images.internal;

import dev.attendees.ProviderException;

/**
 * A service's photos as a pool of at most {@code maxSize}, fetched a page at a time and only as far
 * as needed: attendee {@code id} gets photo {@code (id - 1) mod size}, so consecutive attendees get
 * different photos, the same attendee always gets the same one (as long as the service answers the
 * same), and a run of {@code n} attendees asks for {@code ceil(min(n, size) / pageSize)} pages. Each
 * page is fetched once; a page that failed stays failed for the run (no hammering). Thread-safe.
 */
public final class PhotoPool {
    private final PhotoService service;
    private final ApiClient api;
    private final int maxSize;
    private final Memo<Integer, PhotoPage> pages = new Memo<>();

    public PhotoPool(PhotoService service, ApiClient api, int maxSize) {
        this.service = service;
        this.api = api;
        this.maxSize = maxSize;
    }

    /** The photo of attendee {@code id}; a {@link ProviderException} when its page cannot be had. */
    public RemotePhoto photoFor(long id) {
        int size = size();
        if (size == 0) {
            throw new ProviderException(service.name() + " found no photos", false);
        }
        int index = (int) Math.floorMod(id - 1, (long) size);
        int pageSize = service.pageSize();
        PhotoPage page = page(index / pageSize + 1);
        int offset = index % pageSize;
        if (offset >= page.photos().size()) {
            throw new ProviderException(service.name() + " page " + (index / pageSize + 1) + " had "
                    + page.photos().size() + " usable photos, fewer than expected", false);
        }
        return page.photos().get(offset);
    }

    /** How many photos the pool holds: the smaller of the maximum and what the search holds. */
    public int size() {
        PhotoPage first = page(1);
        long available = first.total() >= 0 ? first.total()
                : first.photos().size() < service.pageSize() ? first.photos().size() : Long.MAX_VALUE;
        return (int) Math.min(maxSize, available);
    }

    private PhotoPage page(int number) {
        return pages.get(number, () -> service.page(api, number));
    }
}

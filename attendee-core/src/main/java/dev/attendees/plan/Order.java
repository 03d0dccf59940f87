package dev.attendees.plan;

/** How a plan's rows are ordered: by the measure (largest first by default) or by the group's value. */
public record Order(By by, boolean descending) {
    /** The largest measure first: rankings. */
    public static final Order MOST = new Order(By.MEASURE, true);

    /** The smallest measure first. */
    public static final Order LEAST = new Order(By.MEASURE, false);

    /** By the group's value, ascending: days, hours. */
    public static final Order GROUP = new Order(By.GROUP, false);

    /** What rows are ordered by. */
    public enum By {
        MEASURE,
        GROUP
    }

    public Order {
        by = by == null ? By.MEASURE : by;
    }
}

package dev.attendees.internal;

import dev.attendees.CompanySize;

/**
 * Head counts, and the most people a company of a given head count ever sends to one event: its
 * attendee limit, {@code floor(0.75 * employees^0.6)}, at least one. A one-person startup sends
 * one, a 50-person startup 7, a 500-person company 31, 5,000 people 124, 180,000 people 1,067.
 * The engine never lets a company pass its limit, however large the run.
 */
final class Headcount {
    /** The attendee limit's scale: {@value}. */
    static final double LIMIT_SCALE = 0.75;

    /** The attendee limit's exponent: {@value}. */
    static final double LIMIT_EXPONENT = 0.6;

    /** The largest head count of a made-up enterprise: {@value}. */
    static final long MAX_MADE_UP_ENTERPRISE = 300_000;

    /**
     * How strongly made-up head counts lean to the small end of their size band (the exponent on a
     * uniform draw in log space; 1 is log-uniform), by {@link CompanySize} order.
     */
    private static final double[] SMALL_LEAN = {1.4, 1.3, 1.3, 2.2};

    private Headcount() {}

    /** The most attendees a company of {@code employees} people sends to one event. */
    static int limit(long employees) {
        double limit = Math.floor(LIMIT_SCALE * StrictMath.pow(employees, LIMIT_EXPONENT));
        return (int) Math.max(1, Math.min(employees, limit));
    }

    /** The smallest head count whose {@link #limit} is at least {@code attendees}. */
    static long employeesFor(int attendees) {
        long e = Math.max(1, (long) Math.floor(StrictMath.pow(attendees / LIMIT_SCALE, 1 / LIMIT_EXPONENT)) - 2);
        while (limit(e) < attendees) {
            e++;
        }
        return e;
    }

    /** The largest head count a made-up company of this size gets. */
    static long madeUpMax(CompanySize size) {
        return size == CompanySize.ENTERPRISE ? MAX_MADE_UP_ENTERPRISE : size.maxEmployees();
    }

    /** The largest attendee limit a made-up company of this size has. */
    static int madeUpLimit(CompanySize size) {
        return limit(madeUpMax(size));
    }

    /**
     * A made-up head count inside the size's band whose limit is at least {@code need}, leaning to
     * the small end, from the uniform {@code u} in [0, 1).
     */
    static long draw(CompanySize size, double u, int need) {
        return band(size, need).draw(u);
    }

    /** The head counts a made-up company of this size that sends up to {@code need} people can have. */
    static Band band(CompanySize size, int need) {
        long low = Math.max(size.minEmployees(), employeesFor(need));
        long high = madeUpMax(size);
        return new Band(size, low, high, StrictMath.log(low), StrictMath.log(high));
    }

    /**
     * Head counts from {@code low} to {@code high}, with their logarithms computed once: companies
     * whose rank has the same quota share one band.
     */
    record Band(CompanySize size, long low, long high, double logLow, double logHigh) {
        /** A head count of this band from the uniform {@code u} in [0, 1), leaning to the small end. */
        long draw(double u) {
            if (low >= high) {
                return high;
            }
            double lean = StrictMath.pow(u, SMALL_LEAN[size.ordinal()]);
            long e = Math.round(StrictMath.exp(logLow + lean * (logHigh - logLow)));
            return Math.max(low, Math.min(high, e));
        }
    }
}

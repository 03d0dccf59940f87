package dev.attendees.llm.testing;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Which {@link Fault} the fake server commits on each call (0-based, in the order calls arrive).
 *
 * <pre>{@code
 * FaultPlan.sequence(Fault.RATE_LIMITED, Fault.NONE, Fault.TRUNCATED);   // calls 0, 1, 2; then good
 * FaultPlan.random(7, 0.2, Fault.SERVER_ERROR, Fault.PROSE);             // 20% of calls, seeded
 * FaultPlan.always(Fault.SERVER_ERROR);
 * }</pre>
 */
@FunctionalInterface
public interface FaultPlan {
    /** The fault of call {@code call}. */
    Fault faultOf(int call);

    /** Every call answered well. */
    static FaultPlan none() {
        return call -> Fault.NONE;
    }

    /** The same fault on every call. */
    static FaultPlan always(Fault fault) {
        return call -> fault;
    }

    /** These faults on the first calls, then good answers. */
    static FaultPlan sequence(Fault... faults) {
        List<Fault> list = List.of(faults);
        return call -> call < list.size() ? list.get(call) : Fault.NONE;
    }

    /** Each call gets one of {@code kinds} with probability {@code rate}, seeded. */
    static FaultPlan random(long seed, double rate, Fault... kinds) {
        return call -> {
            SplittableRandom r = new SplittableRandom(seed * 31 + call);
            return r.nextDouble() < rate ? kinds[r.nextInt(kinds.length)] : Fault.NONE;
        };
    }
}

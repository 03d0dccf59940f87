package dev.attendees.images.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class RateLimitGateTest {
    private static final Instant NOW = Instant.parse("2026-11-10T09:00:00Z");

    private static Response response(int code, String... headers) {
        Response.Builder b = new Response.Builder().request(new Request.Builder().url("https://api.example.com/x").build())
                .protocol(Protocol.HTTP_1_1).code(code).message("m");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    @Test
    void should_refuse_the_call_that_would_pass_the_limit_without_making_it() {
        RateLimitGate gate = new RateLimitGate("svc", 0, Duration.ofSeconds(5), Clock.systemUTC());
        gate.acquire();
        gate.release(response(200, "X-Ratelimit-Limit", "50", "X-Ratelimit-Remaining", "1"));
        gate.acquire();
        gate.release(response(200, "X-Ratelimit-Remaining", "0"));

        assertThatThrownBy(gate::acquire).isInstanceOf(RateLimitedException.class)
                .hasMessage("svc rate limit reached: no requests left");
        assertThat(gate.notes()).containsExactly("svc: 2 API requests, 0 of 50 left in the rate limit");
    }

    @Test
    void should_keep_a_reserve_untouched() {
        RateLimitGate gate = new RateLimitGate("svc", 3, Duration.ZERO, Clock.systemUTC());
        gate.acquire();
        gate.release(response(200, "X-Ratelimit-Remaining", "3"));

        assertThatThrownBy(gate::acquire).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void should_wait_out_a_reset_within_the_longest_wait_and_note_it() {
        RateLimitGate gate = new RateLimitGate("svc", 0, Duration.ofSeconds(5), Clock.systemUTC());
        gate.limited(Instant.now().plusMillis(300));
        long start = System.nanoTime();

        gate.acquire();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        assertThat(gate.notes()).anyMatch(n -> n.matches("svc: waited 0\\.\\d s for the rate limit to renew"));
    }

    @Test
    void should_refuse_at_once_when_the_reset_is_beyond_the_longest_wait() {
        RateLimitGate gate = new RateLimitGate("svc", 0, Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC));
        gate.limited(NOW.plus(Duration.ofMinutes(40)));

        assertThatThrownBy(gate::acquire).isInstanceOf(RateLimitedException.class)
                .hasMessage("svc rate limit reached: the limit renews in 40 min, more than the longest wait (30.0 s)");
    }

    @Test
    void should_read_every_kind_of_reset_header() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(NOW.plusSeconds(90), ZoneOffset.UTC));

        assertThat(Failures.resetTime(response(429, "Retry-After", "12"), NOW)).isEqualTo(NOW.plusSeconds(12));
        assertThat(Failures.resetTime(response(429, "Retry-After", date), NOW)).isEqualTo(NOW.plusSeconds(90));
        assertThat(Failures.resetTime(response(403, "X-Ratelimit-Reset", Long.toString(NOW.getEpochSecond() + 600)), NOW))
                .isEqualTo(NOW.plusSeconds(600));
        assertThat(Failures.resetTime(response(403, "RateLimit-Reset", "30"), NOW)).isEqualTo(NOW.plusSeconds(30));
        assertThat(Failures.resetTime(response(403, "Retry-After", "soon"), NOW)).isNull();
        assertThat(Failures.resetTime(response(403), NOW)).isNull();
    }

    @Test
    void should_tell_a_spent_rate_limit_from_a_refusal() {
        assertThat(Failures.rateLimited(response(429), "")).isTrue();
        assertThat(Failures.rateLimited(response(403, "X-Ratelimit-Remaining", "0"), "")).isTrue();
        assertThat(Failures.rateLimited(response(403), "Rate Limit Exceeded")).isTrue();
        assertThat(Failures.rateLimited(response(403), "{\"errors\":[\"Forbidden\"]}")).isFalse();
        assertThat(Failures.rateLimited(response(401), "")).isFalse();
    }
}

package dev.attendees.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostgresUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "postgresql://app:s3cr%40t@db.internal:5432/events|jdbc:postgresql://db.internal:5432/events|app|s3cr@t|postgresql://app:***@db.internal:5432/events",
        "postgres://app@db/events?sslmode=require|jdbc:postgresql://db/events?sslmode=require|app||postgres://app@db/events?sslmode=require",
        "jdbc:postgresql://db:5433/events?user=app&password=hunter2&ssl=true|jdbc:postgresql://db:5433/events?ssl=true|app|hunter2|jdbc:postgresql://db:5433/events?user=app&password=***&ssl=true",
        "JDBC:POSTGRESQL://[::1]:5432/events|jdbc:postgresql://[::1]:5432/events|||JDBC:POSTGRESQL://[::1]:5432/events"
    })
    void should_move_credentials_out_of_the_jdbc_url_and_mask_them_in_messages(String text, String jdbc, String user,
            String password, String masked) {
        PostgresUrl url = PostgresUrl.parse(text);
        assertThat(url.jdbcUrl()).isEqualTo(jdbc);
        assertThat(url.user()).isEqualTo(user);
        assertThat(url.password()).isEqualTo(password);
        assertThat(url.masked()).isEqualTo(masked);
        assertThat(url.toString()).isEqualTo(masked).doesNotContain("hunter2").doesNotContain("s3cr");
    }
}

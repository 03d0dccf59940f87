package com.example.badges;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Proves which JUnit this build really ran on (5.14 by default, 6.x with -Pjunit6). */
class JUnitVersionTest {
    @Test
    void runs_on_the_junit_version_the_build_asked_for() {
        String expected = System.getProperty("expected.junit.version");
        assertThat(expected).isNotBlank();
        assertThat(Test.class.getPackage().getImplementationVersion()).isEqualTo(expected);
    }
}

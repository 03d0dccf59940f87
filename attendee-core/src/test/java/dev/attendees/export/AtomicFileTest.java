package dev.attendees.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void should_write_the_whole_file_and_leave_no_temporary_file() throws IOException {
        Path target = dir.resolve("sub/folder/out.txt");

        AtomicFile.writeString(target, "hello");

        assertThat(target).hasContent("hello");
        assertThat(files()).containsExactly(target);
    }

    @Test
    void should_leave_the_old_file_untouched_when_a_write_fails() throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "old");

        assertThatThrownBy(() -> {
            try (AtomicFile file = AtomicFile.create(target)) {
                file.output().write("half of the new".getBytes());
                throw new IOException("disk full");
            }
        }).hasMessage("disk full");

        assertThat(target).hasContent("old");
        assertThat(files()).containsExactly(target);
    }

    @Test
    void should_replace_the_old_file_on_commit_and_refuse_writes_after() throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "old");
        AtomicFile file = AtomicFile.create(target);
        file.output().write("new".getBytes());

        assertThat(target).hasContent("old");
        file.commit();
        file.close();

        assertThat(target).hasContent("new");
        assertThatThrownBy(file::output).isInstanceOf(IllegalStateException.class);
        assertThat(files()).containsExactly(target);
    }

    private Stream<Path> files() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).toList().stream();
        }
    }
}

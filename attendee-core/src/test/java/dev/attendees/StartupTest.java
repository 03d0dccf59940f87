package dev.attendees;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.export.AttendeeFileSink;
import dev.attendees.export.AttendeeFormat;
import java.io.File;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run reads when it starts: the tables the build compiled, and of those only the ones it
 * uses; never Datafaker's YAML (nor any Datafaker or Jackson class), the profile JSON files, or the
 * profiles and name tables of event types and locales it does not use. Each case runs the library
 * afresh in a class loader of its own that records every class it loads and every resource it
 * looks up.
 */
class StartupTest {

    @Test
    void a_default_run_should_read_only_its_own_compiled_tables(@TempDir Path dir) throws Exception {
        // given a class loader that has loaded nothing of the library yet
        Recorder recorder = new Recorder();

        // when a run of the defaults writes a CSV file
        recorder.run(DefaultRun.class, dir.resolve("out.csv"));

        // then it read the cloud-native profile and the en names, compiled, and nothing else of the data
        assertThat(recorder.dataResources()).containsExactlyInAnyOrder(
                "dev/attendees/tables/locales",
                "dev/attendees/tables/names/en",
                "dev/attendees/tables/crowds/en",
                "dev/attendees/tables/company-names",
                "dev/attendees/tables/profiles/cloud-native");
        assertThat(recorder.classes()).noneMatch(StartupTest::parserOrDatafaker);
        assertThat(dir.resolve("out.csv")).content().hasLineCount(101);
    }

    @Test
    void a_run_named_for_an_event_should_read_that_type_only_and_the_locales_it_mixes() throws Exception {
        // given
        Recorder recorder = new Recorder();

        // when the event's name picks the type and the crowd mixes two locales
        recorder.run(NamedEventRun.class, null);

        // then the keywords served the inference; no other type's profile and no third locale were read
        assertThat(recorder.dataResources()).containsExactlyInAnyOrder(
                "dev/attendees/tables/locales",
                "dev/attendees/tables/event-keywords",
                "dev/attendees/tables/profiles/security",
                "dev/attendees/tables/names/de",
                "dev/attendees/tables/names/ja",
                "dev/attendees/tables/crowds/de+ja",
                "dev/attendees/tables/company-names");
        assertThat(recorder.classes()).noneMatch(StartupTest::parserOrDatafaker);
    }

    private static boolean parserOrDatafaker(String className) {
        return className.startsWith("net.datafaker.") || className.startsWith("com.fasterxml.jackson.")
                || className.startsWith("org.yaml.snakeyaml.");
    }

    /** The defaults, written to a CSV file as the CLI does. */
    public static final class DefaultRun implements Consumer<Path> {
        @Override
        public void accept(Path out) {
            AttendeeGenerator generator = AttendeeGenerator.builder().seed(7).build();
            try (AttendeeFileSink sink = AttendeeFormat.CSV.open(out)) {
                generator.writeTo(sink, 100);
            }
        }
    }

    /** A type inferred from the event's name, and a two-locale crowd. */
    public static final class NamedEventRun implements Consumer<Path> {
        @Override
        public void accept(Path ignored) {
            List<Attendee> attendees = AttendeeGenerator.builder().event("RSA Conference 2026").locale("de-DE,ja-JP")
                    .seed(7).build().generate(100);
            if (!attendees.get(0).eventName().equals("RSA Conference 2026")) {
                throw new AssertionError(attendees.get(0));
            }
        }
    }

    /**
     * A child-first class loader over the test's class path: the library's classes (and this
     * test's runs) are defined afresh in it, so its static tables start empty; the JDK's come from
     * the parent.
     */
    private static final class Recorder extends URLClassLoader {
        private final Set<String> resources = ConcurrentHashMap.newKeySet();
        private final Set<String> classes = ConcurrentHashMap.newKeySet();

        Recorder() {
            super("recorder", classPath(), StartupTest.class.getClassLoader().getParent());
        }

        private static URL[] classPath() {
            List<URL> urls = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                try {
                    urls.add(Path.of(entry).toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return urls.toArray(new URL[0]);
        }

        /** Runs {@code run} (a {@code Consumer<Path>}) as defined in this loader. */
        void run(Class<?> run, Path argument) throws Exception {
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(this);
            try {
                Class<?> fresh = loadClass(run.getName());
                assertThat(fresh.getClassLoader()).isSameAs(this);
                @SuppressWarnings("unchecked")
                Consumer<Path> consumer = (Consumer<Path>) fresh.getDeclaredConstructor().newInstance();
                consumer.accept(argument);
            } finally {
                thread.setContextClassLoader(before);
            }
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try {
                        c = findClass(name);
                        classes.add(name);
                    } catch (ClassNotFoundException notOnTheClassPath) {
                        c = super.loadClass(name, false);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        @Override
        public URL getResource(String name) {
            resources.add(name);
            URL url = findResource(name);
            return url != null ? url : super.getResource(name);
        }

        /** The data the library looked up: compiled tables, profile files, name files, YAML. */
        List<String> dataResources() {
            return resources.stream().filter(r -> r.startsWith("dev/attendees/") || r.endsWith(".yml")
                    || r.endsWith(".yaml") || r.endsWith(".json")).sorted().toList();
        }

        Set<String> classes() {
            return classes;
        }
    }
}

package dev.attendees.junit;

import dev.attendees.Attendee;
import dev.attendees.AttendeeException;
import dev.attendees.AttendeeGenerator;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;

/**
 * The JUnit Jupiter extension behind {@link FakeAttendees} and {@link AttendeeSource}: it resolves
 * annotated parameters of test, lifecycle and constructor methods, and fills annotated fields
 * (static ones before all tests of the class, instance ones before each test). Registered by the
 * annotations themselves; public for {@code @ExtendWith} and {@code @RegisterExtension}.
 *
 * <pre>{@code
 * @ExtendWith(AttendeeExtension.class)
 * class CheckInTest {
 *     @Test
 *     void checks_in(@FakeAttendees(count = 1_000) List<Attendee> attendees) { ... }
 * }
 * }</pre>
 *
 * <p><b>Seeds.</b> Each test (and each class, for static fields and {@code @BeforeAll}) gets a
 * random seed unless one is set on the annotation or by the configuration parameter
 * {@value #SEED_PARAMETER} (in {@code junit-platform.properties}, or {@code -Dattendees.seed=N}).
 * When a test fails, its seeds are added to the failure as a suppressed exception and published
 * as the report entry {@value #REPORT_KEY}.
 *
 * <p><b>Defaults</b> for every setting can come from configuration parameters:
 * {@code attendees.count}, {@code attendees.seed}, {@code attendees.event},
 * {@code attendees.event-type}, {@code attendees.corporate-ratio}, {@code attendees.profile},
 * {@code attendees.locale}, {@code attendees.undeliverable-emails}.
 *
 * <p>Tests running in parallel each get their own state (JUnit's per-test {@code Store}); nothing
 * is shared but immutable generators.
 */
public final class AttendeeExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver,
        TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    /** The configuration parameter (or system property) that pins the seed of every test: {@value}. */
    public static final String SEED_PARAMETER = "attendees.seed";

    /** The report entry key under which a failing test's seed is published: {@value}. */
    public static final String REPORT_KEY = "attendees.seed";

    static final Namespace NAMESPACE = Namespace.create(AttendeeExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        injectFields(context, null, context.getRequiredTestClass(), ModifierSupport::isStatic);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            injectFields(context, instance, instance.getClass(), ModifierSupport::isNotStatic);
        }
    }

    private void injectFields(ExtensionContext context, Object instance, Class<?> type, Predicate<Field> which) {
        List<Field> fields = AnnotationSupport.findAnnotatedFields(type, FakeAttendees.class, which,
                HierarchyTraversalMode.TOP_DOWN);
        for (Field field : fields) {
            String where = "field '" + field.getName() + "' of " + field.getDeclaringClass().getName();
            if (Modifier.isFinal(field.getModifiers())) {
                throw new ExtensionConfigurationException("@FakeAttendees " + where + " must not be final");
            }
            Target target;
            try {
                target = Target.of(field.getGenericType(), context);
            } catch (AttendeeException e) {
                throw new ExtensionConfigurationException("@FakeAttendees " + where + ": " + e.getMessage(), e);
            }
            if (target == null) {
                throw new ExtensionConfigurationException("@FakeAttendees cannot fill " + where + " of type "
                        + field.getGenericType().getTypeName() + ": supported types are " + supported(context));
            }
            Settings settings = Settings.of(annotation(field)).over(classDefaults(context, field.getDeclaringClass()));
            Object value;
            try {
                value = produce(context, settings, target);
            } catch (AttendeeException | InjectionFailure e) {
                throw new ExtensionConfigurationException("@FakeAttendees " + where + ": " + e.getMessage(), e);
            }
            try {
                field.setAccessible(true);
                field.set(instance, value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new ExtensionConfigurationException("@FakeAttendees cannot set " + where + ": " + e, e);
            }
        }
    }

    /**
     * Constructor parameters are resolved in the test method's context (with the default
     * per-method lifecycle), so they share the test's seed and attendees like method parameters.
     */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        // Claimed when annotated, whatever the type, so that a wrong type gets a clear message.
        return parameterContext.isAnnotated(FakeAttendees.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Executable executable = parameterContext.getDeclaringExecutable();
        java.lang.reflect.Parameter parameter = parameterContext.getParameter();
        // Real names need javac -parameters; without them, the index says which one.
        String where = (parameter.isNamePresent() ? "parameter '" + parameter.getName() + "' (index "
                + parameterContext.getIndex() + ")" : "parameter at index " + parameterContext.getIndex())
                + " of " + describe(executable);
        Type type = parameterContext.getParameter().getParameterizedType();
        Target target;
        try {
            target = Target.of(type, extensionContext);
        } catch (AttendeeException e) {
            throw new ParameterResolutionException("@FakeAttendees on " + where + ": " + e.getMessage(), e);
        }
        if (target == null) {
            throw new ParameterResolutionException("@FakeAttendees cannot inject " + where + " of type "
                    + type.getTypeName() + ": supported types are " + supported(extensionContext));
        }
        Settings settings = Settings.of(parameterContext.findAnnotation(FakeAttendees.class).orElse(null))
                .over(Settings.of(annotation(executable)))
                .over(classDefaults(extensionContext, executable.getDeclaringClass()));
        try {
            return produce(extensionContext, settings, target);
        } catch (AttendeeException | InjectionFailure e) {
            throw new ParameterResolutionException("@FakeAttendees on " + where + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        reportSeeds(context, throwable);
        throw throwable;
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        reportSeeds(context, throwable);
        throw throwable;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        reportSeeds(context, throwable);
        throw throwable;
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        reportSeeds(context, throwable);
        throw throwable;
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        reportSeeds(context, throwable);
        throw throwable;
    }

    /** Adds the seeds this context and its ancestors used to the failure, and publishes them. */
    private static void reportSeeds(ExtensionContext context, Throwable failure) {
        Map<Long, Boolean> seeds = new LinkedHashMap<>();
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            State state = c.get().getStore(NAMESPACE).get(c.get().getUniqueId(), State.class);
            if (state != null) {
                synchronized (state) {
                    state.used.forEach(seeds::putIfAbsent);
                }
            }
        }
        if (seeds.isEmpty()) {
            return;
        }
        List<String> words = new ArrayList<>();
        seeds.forEach((seed, random) -> words.add(seed + (random ? " (random)" : "")));
        long first = seeds.keySet().iterator().next();
        context.publishReportEntry(REPORT_KEY, seeds.keySet().stream().map(String::valueOf)
                .reduce((a, b) -> a + "," + b).orElse(""));
        failure.addSuppressed(new SeedReport("attendees were made with seed " + String.join(", ", words)
                + "; reproduce with @FakeAttendees(seed = " + first + "L) or -D" + SEED_PARAMETER + "=" + first));
    }

    /** A note on the failure, without a stack trace. */
    static final class SeedReport extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SeedReport(String message) {
            super(message, null, false, false);
        }
    }

    // ---- shared with AttendeeArgumentsProvider ----

    /**
     * Defaults for an injection point declared in {@code declaringClass}: the test class of the
     * context and its enclosing classes (innermost first), the declaring class, then the
     * configuration parameters.
     */
    static Settings classDefaults(ExtensionContext context, Class<?> declaringClass) {
        Settings settings = Settings.NONE;
        Optional<Class<?>> testClass = context.getTestClass();
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = testClass.orElse(declaringClass); c != null; c = c.getEnclosingClass()) {
            chain.add(c);
        }
        if (!chain.contains(declaringClass)) {
            chain.add(declaringClass);
        }
        for (Class<?> c : chain) {
            settings = settings.over(Settings.of(annotation(c)));
        }
        return settings.over(Settings.fromConfiguration(context));
    }

    private static FakeAttendees annotation(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, FakeAttendees.class).orElse(null);
    }

    /** The value for one injection point: the next attendees of the generator its settings pick. */
    static Object produce(ExtensionContext context, Settings settings, Target target) {
        Slot slot = slot(context, settings);
        if (target.injector() != null) {
            int count = settings.countOrDefault();
            long from = slot.take(count);
            AttendeeInjector.Injection injection;
            try {
                injection = target.injector().inject(target.type(), slot.generator, from, from + count);
            } catch (Exception e) {
                throw new InjectionFailure(target.injector().getClass().getSimpleName() + " failed: " + e.getMessage(), e);
            }
            if (injection.cleanup() != null) {
                // JUnit closes AutoCloseable values of a store when its context ends.
                context.getStore(NAMESPACE).put(new Object(), injection.cleanup());
            }
            return injection.value();
        }
        return switch (target.kind()) {
            case GENERATOR -> slot.generator;
            case ONE -> slot.generator.attendee(slot.take(1));
            case LIST -> {
                int count = settings.countOrDefault();
                long from = slot.take(count);
                yield List.copyOf(slot.generator.slice(from, from + count));
            }
            case STREAM -> {
                int count = settings.countOrDefault();
                long from = slot.take(count);
                yield LongStream.range(from, from + count).mapToObj(slot.generator::attendee);
            }
        };
    }

    /** The generator (and its cursor) of {@code settings} in {@code context}'s own state. */
    static Slot slot(ExtensionContext context, Settings settings) {
        State state = state(context);
        synchronized (state) {
            boolean random = settings.seed() == null;
            long seed = random ? state.randomSeed() : settings.seed();
            state.used.putIfAbsent(seed, random);
            Settings key = settings.generatorKey(seed);
            Slot slot = state.slots.get(key);
            if (slot == null) {
                slot = new Slot(settings.generator(seed, context.getTestClass().orElse(null)));
                state.slots.put(key, slot);
            }
            return slot;
        }
    }

    private static State state(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        // Keyed by the context's own id: a store lookup also sees the parents' values.
        synchronized (store) {
            State state = store.get(context.getUniqueId(), State.class);
            if (state == null) {
                state = new State();
                store.put(context.getUniqueId(), state);
            }
            return state;
        }
    }

    private static String describe(Executable executable) {
        return executable.getDeclaringClass().getSimpleName() + "." + (executable instanceof java.lang.reflect.Constructor<?>
                ? "<init>" : executable.getName()) + "()";
    }

    /** What a context made: its random seed, the seeds it used, a generator and cursor per settings. */
    static final class State {
        private Long randomSeed;
        final Map<Long, Boolean> used = new LinkedHashMap<>();
        final Map<Settings, Slot> slots = new LinkedHashMap<>();

        long randomSeed() {
            if (randomSeed == null) {
                randomSeed = ThreadLocalRandom.current().nextLong() >>> 16;
            }
            return randomSeed;
        }
    }

    /** A generator and the index of the next attendee it hands out. */
    static final class Slot {
        final AttendeeGenerator generator;
        private long next;

        Slot(AttendeeGenerator generator) {
            this.generator = generator;
        }

        synchronized long take(int count) {
            long from = next;
            next += count;
            return from;
        }
    }

    /** What an injection point gets: one of the built-in kinds, or an injector's value. */
    record Target(Kind kind, AttendeeInjector injector, Type type) {
        static Target of(Type type, ExtensionContext context) {
            Kind kind = Kind.of(type);
            if (kind != null) {
                return new Target(kind, null, type);
            }
            List<AttendeeInjector> claiming = injectors(context).stream().filter(i -> i.supports(type)).toList();
            if (claiming.size() > 1) {
                throw new dev.attendees.ConfigurationException("several injectors make " + type.getTypeName() + ": "
                        + claiming.stream().map(i -> i.getClass().getName()).reduce((a, b) -> a + ", " + b).orElse("")
                        + "; keep one of them on the class path");
            }
            return claiming.isEmpty() ? null : new Target(null, claiming.get(0), type);
        }
    }

    /** An injector's failure, reported naming the injection point. */
    static final class InjectionFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectionFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The injectors on the test class's class path, found once per class loader and test run. */
    @SuppressWarnings("unchecked")
    static List<AttendeeInjector> injectors(ExtensionContext context) {
        ClassLoader loader = context.getTestClass().map(Class::getClassLoader).filter(java.util.Objects::nonNull)
                .orElseGet(() -> Thread.currentThread().getContextClassLoader());
        ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
        String key = "injectors@" + System.identityHashCode(loader);
        synchronized (root) {
            List<AttendeeInjector> found = (List<AttendeeInjector>) root.get(key, List.class);
            if (found == null) {
                List<AttendeeInjector> loaded = new ArrayList<>();
                java.util.ServiceLoader.load(AttendeeInjector.class, loader).forEach(loaded::add);
                found = List.copyOf(loaded);
                root.put(key, found);
            }
            return found;
        }
    }

    private static String supported(ExtensionContext context) {
        StringBuilder sb = new StringBuilder("Attendee, List<Attendee>, Stream<Attendee>, AttendeeGenerator");
        injectors(context).forEach(i -> sb.append(", ").append(i.describe()));
        return sb.toString();
    }

    /** The injectable types. */
    enum Kind {
        ONE, LIST, STREAM, GENERATOR;

        static Kind of(Type type) {
            if (type == Attendee.class) {
                return ONE;
            }
            if (type == AttendeeGenerator.class) {
                return GENERATOR;
            }
            if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                    && p.getActualTypeArguments()[0] == Attendee.class) {
                if (p.getRawType() == List.class) {
                    return LIST;
                }
                if (p.getRawType() == Stream.class) {
                    return STREAM;
                }
            }
            return null;
        }
    }
}

package dev.attendees.junit;

import dev.attendees.Attendee;
import dev.attendees.AttendeeException;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.junit.platform.commons.support.AnnotationSupport;

/** The arguments of {@link AttendeeSource}: one attendee an invocation, named by name and e-mail. */
final class AttendeeArgumentsProvider implements ArgumentsProvider, AnnotationConsumer<AttendeeSource> {
    private AttendeeSource annotation;

    @Override
    public void accept(AttendeeSource source) {
        this.annotation = source;
    }

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        var method = context.getRequiredTestMethod();
        Settings settings = Settings.of(annotation)
                .over(Settings.of(AnnotationSupport.findAnnotation(method, FakeAttendees.class).orElse(null)))
                .over(AttendeeExtension.classDefaults(context, method.getDeclaringClass()));
        try {
            int count = settings.countOrDefault();
            AttendeeExtension.Slot slot = AttendeeExtension.slot(context, settings);
            long from = slot.take(count);
            return LongStream.range(from, from + count).mapToObj(i -> {
                Attendee a = slot.generator.attendee(i);
                return Arguments.of(Named.of(a.name() + " <" + a.email() + ">", a));
            });
        } catch (AttendeeException e) {
            throw new ExtensionConfigurationException("@AttendeeSource on " + method.getDeclaringClass().getSimpleName()
                    + "." + method.getName() + "(): " + e.getMessage(), e);
        }
    }
}

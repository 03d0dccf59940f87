package dev.attendees.examples;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.Industry;
import dev.attendees.export.AttendeeFileSink;
import dev.attendees.export.AttendeeFormat;
import java.nio.file.Path;
import java.util.List;

/** The README's library quick start, compiled and run by CI so that it cannot drift. */
public final class QuickStart {
    private QuickStart() {}

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "attendees.csv");
        // --8<-- [start:quickstart]
        AttendeeGenerator generator = AttendeeGenerator.builder()
                .event("KubeCon Europe 2026")          // infers the cloud-native event type
                .seed(42)                               // same seed, same attendees, any machine
                .corporateRatio(0.75)                   // 25% personal (Gmail) addresses
                .locale("international")                // en-US, de-DE, ja-JP, ru-RU ... mixed
                .build();

        List<Attendee> attendees = generator.generate(1_000);
        Attendee first = attendees.get(0);
        System.out.println(first.name() + " <" + first.email() + ">, " + first.jobTitle() + " at " + first.company());

        long healthcare = generator.stream(5_000).filter(a -> a.industry() == Industry.HEALTHCARE).count();
        System.out.println(healthcare + " of 5,000 work in healthcare");

        try (AttendeeFileSink sink = AttendeeFormat.CSV.open(out)) {
            generator.writeTo(sink, 100_000);           // all cores, atomic, constant memory
        }
        // --8<-- [end:quickstart]
    }
}

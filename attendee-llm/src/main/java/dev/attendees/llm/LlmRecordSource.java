package dev.attendees.llm;

import dev.attendees.Attendee;
import dev.attendees.ConfigurationException;
import dev.attendees.GenerationOptions;
import dev.attendees.llm.internal.RecordRun;
import dev.attendees.spi.ProviderReport;
import dev.attendees.spi.RecordSource;
import dev.attendees.spi.RecordSourceFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Record mode: attendees written by a language model, {@link LlmSettings#batchSize() batchSize} per
 * call, several calls in flight. Every record is checked against the data contract and the run's
 * options (e-mail syntax, the company's one domain, industry and size on the contract's lists,
 * times inside the event's days and hours, interests from the catalogue, booths of the event);
 * what has an obvious repair is repaired, the rest is asked for again, and duplicates (e-mail, or
 * name and company) are dropped and replaced. What the model still cannot give comes from the
 * offline engine, so a run never has fewer records than asked; {@link #report()} says how many came
 * from where, with token usage and the estimated cost.
 *
 * <p>Not {@linkplain #pure() pure}: the generator calls it in order from one thread. With a
 * {@linkplain Builder#checkpoint(Path) checkpoint}, finished batches are kept on disk so that a
 * killed run resumes without paying for them again; call {@link #complete()} once the output is
 * safely written.
 *
 * <pre>{@code
 * LlmSettings settings = LlmSettings.builder().provider(LlmProvider.OPENAI).build();  // OPENAI_API_KEY
 * LlmRecordSource.Builder llm = LlmRecordSource.builder()
 *         .settings(settings)
 *         .checkpoint(Path.of("attendees.csv.llm-checkpoint"));
 * AttendeeGenerator generator = AttendeeGenerator.builder()
 *         .event("KubeCon Europe 2026")
 *         .source(llm.factory())
 *         .build();
 * try (RecordSource source = generator.source(); AttendeeFileSink sink = AttendeeFormat.CSV.open(out)) {
 *     GenerationSummary summary = generator.writeTo(sink, 1_000);
 *     ((LlmRecordSource) source).complete();        // removes the checkpoint
 *     summary.recordOrigins();                      // {openai=990, offline=10} when some fell back
 * }
 * }</pre>
 */
public final class LlmRecordSource implements RecordSource {
    private final RecordRun run;
    private final LlmSettings settings;

    private LlmRecordSource(LlmSettings settings, GenerationOptions options, Path checkpoint) {
        this.settings = settings;
        this.run = new RecordRun(settings, options, checkpoint);
    }

    /** A builder; {@link Builder#settings(LlmSettings)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A factory of sources with these settings and no checkpoint. */
    public static RecordSourceFactory factory(LlmSettings settings) {
        return builder().settings(settings).factory();
    }

    /**
     * Exactly {@code to - from} checked, unique attendees with ids {@code from + 1 .. to}.
     *
     * @throws dev.attendees.ProviderException when the provider rejects the key, the model or the
     *     request, or (with {@link LlmSettings.Builder#fallbackToOffline(boolean) fallback} off)
     *     cannot give a batch
     */
    @Override
    public List<Attendee> generate(long from, long to) {
        if (from < 0 || to < from) {
            throw new ConfigurationException("generate needs 0 <= from <= to, was " + from + ", " + to);
        }
        return run.generate(from, to);
    }

    /** Not pure: a model's answers are neither reproducible nor independent of earlier batches. */
    @Override
    public boolean pure() {
        return false;
    }

    /** The provider's name, e.g. {@code openai}. */
    @Override
    public String name() {
        return settings.provider().id();
    }

    /**
     * Records by origin ({@code {openai=990, offline=10}}) when some came from the offline engine,
     * and notes: calls, retries, records redone by reason, tokens and the estimated cost.
     */
    @Override
    public ProviderReport report() {
        return run.report();
    }

    /** Marks the run complete: deletes the checkpoint, which is no longer needed. */
    public void complete() {
        run.complete();
    }

    /** Stops calls in flight and releases threads and the checkpoint file (kept for a resume). */
    @Override
    public void close() {
        run.close();
    }

    /** Configures {@link LlmRecordSource}s. */
    public static final class Builder {
        private LlmSettings settings;
        private Path checkpoint;

        private Builder() {}

        /** Provider, model and limits. Required. */
        public Builder settings(LlmSettings value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /**
         * Where finished batches are kept, usually beside the output ({@code attendees.csv.llm-checkpoint});
         * none by default.
         */
        public Builder checkpoint(Path file) {
            this.checkpoint = file;
            return this;
        }

        /** The source for one run's options. */
        public LlmRecordSource build(GenerationOptions options) {
            if (settings == null) {
                throw new ConfigurationException("LlmRecordSource needs settings(...)");
            }
            return new LlmRecordSource(settings, Objects.requireNonNull(options, "options"), checkpoint);
        }

        /** A factory to hand to {@code AttendeeGenerator.Builder.source(...)}. */
        public RecordSourceFactory factory() {
            if (settings == null) {
                throw new ConfigurationException("LlmRecordSource needs settings(...)");
            }
            LlmSettings s = settings;
            Path c = checkpoint;
            return options -> new LlmRecordSource(s, options, c);
        }
    }
}

package dev.attendees.llm.internal;

import dev.attendees.Attendee;
import dev.attendees.spi.ProviderReport;
import dev.attendees.spi.RecordSource;
import java.util.List;
import java.util.function.Supplier;

/** A source that makes records with another (the offline engine) and reports what a designer did. */
public final class ReportingSource implements RecordSource {
    private final RecordSource delegate;
    private final Supplier<ProviderReport> report;

    public ReportingSource(RecordSource delegate, Supplier<ProviderReport> report) {
        this.delegate = delegate;
        this.report = report;
    }

    @Override
    public List<Attendee> generate(long from, long to) {
        return delegate.generate(from, to);
    }

    @Override
    public boolean pure() {
        return delegate.pure();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public ProviderReport report() {
        return report.get();
    }

    @Override
    public void close() {
        delegate.close();
    }
}

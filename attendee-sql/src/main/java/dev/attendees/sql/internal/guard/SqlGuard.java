package dev.attendees.sql.internal.guard;

import dev.attendees.ConfigurationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statements;
import org.jooq.SQLDialect;

/**
 * The first layer in front of read-only SQL: the statement is parsed into a tree (JSqlParser) and
 * checked against an allow-list before any database sees it. It must be one {@code SELECT} (or
 * {@code WITH ... SELECT}, set operations of selects, {@code VALUES}) over the contract table and
 * its derived tables ({@value #TABLES_TEXT}), calling only allowed functions, without
 * {@code INTO} or locking clauses. Anything else is refused with a one-line reason that names what
 * was refused:
 *
 * <pre>{@code
 * SqlGuard.of(SQLDialect.SQLITE).check("SELECT question FROM query_history", text -> text);
 * // ConfigurationException: refused: table 'query_history' is not one of attendees, attendee_interests, booth_visits
 * }</pre>
 *
 * The text that passes is the text that runs: {@link StatementText} writes it again without
 * comments, so that nothing the parser skipped can reach the database. The layers behind this one
 * stay: the store's lexical check ({@code ReadOnlyStatement}, given here as {@code textCheck}), a
 * connection that cannot write, a row limit and a timeout. docs/guard.md describes what each layer
 * stops.
 */
public final class SqlGuard {

    static final String TABLES_TEXT = "attendees, attendee_interests, booth_visits";

    /** How long the parser may take over one statement: {@value} ms. */
    static final long PARSE_TIMEOUT_MILLIS = 2_000;

    /** Which layers run; tests switch the first off to show what the others stop on their own. */
    enum Layers {
        /** The parser's check, then the store's lexical check, then the database. */
        ALL,
        /** The store's lexical check and the database. */
        WITHOUT_PARSER,
        /** The database alone (its read-only connection or transaction, the row limit and the timeout). */
        DATABASE_ONLY
    }

    private static final ThreadLocal<Layers> LAYERS = ThreadLocal.withInitial(() -> Layers.ALL);

    /** Parsing runs on its own threads, with a deep stack, so that a parse that takes too long can be given up. */
    private static final ExecutorService PARSER = Executors.newCachedThreadPool(new java.util.concurrent.ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(null, r, "attendees-sql-guard-" + count.incrementAndGet(), 16L << 20);
            t.setDaemon(true);
            return t;
        }
    });

    private static final SqlGuard SQLITE = new SqlGuard(AllowList.SQLITE);
    private static final SqlGuard POSTGRESQL = new SqlGuard(AllowList.POSTGRESQL);

    private final AllowList allow;

    private SqlGuard(AllowList allow) {
        this.allow = allow;
    }

    /** The guard for a database: SQLite or PostgreSQL. */
    public static SqlGuard of(SQLDialect dialect) {
        return switch (dialect.family()) {
            case SQLITE -> SQLITE;
            case POSTGRES -> POSTGRESQL;
            default -> throw new IllegalArgumentException("no SQL guard for " + dialect);
        };
    }

    /**
     * The statement to run: {@code sql} checked by the parser and written again ({@link StatementText}),
     * then passed through {@code textCheck}, the store's own lexical check.
     *
     * @throws ConfigurationException when either refuses it; the guard's message starts with {@code refused: }
     */
    public String check(String sql, UnaryOperator<String> textCheck) {
        Layers layers = LAYERS.get();
        if (layers == Layers.DATABASE_ONLY) {
            return sql;
        }
        return textCheck.apply(layers == Layers.ALL ? checked(sql) : sql);
    }

    /**
     * {@code sql} checked by the parser alone, as the text to run.
     *
     * @throws ConfigurationException when it is refused
     */
    public String checked(String sql) {
        StatementText text = StatementText.read(sql, allow.postgres);
        Statements statements;
        try {
            statements = parse(text.parse(), false);
        } catch (JSQLParserException simple) {
            if (text.depth() > COMPLEX_PARSING_DEPTH) {
                throw refuse("the statement could not be read as SQL (" + firstLine(simple) + ")");
            }
            try {
                statements = parse(text.parse(), true);
            } catch (JSQLParserException complex) {
                throw refuse("the statement could not be read as SQL (" + firstLine(complex) + ")");
            }
        }
        if (statements == null || statements.size() != 1) {
            throw refuse("one statement is allowed, " + (statements == null ? 0 : statements.size()) + " were found");
        }
        StatementCheck.check(statements.get(0), allow);
        return text.run();
    }

    /**
     * JSqlParser's simple parsing reads most statements in about a millisecond; some (an aggregate
     * of a condition, {@code sum(size = 'Startup')}) need its complex parsing, whose time grows
     * exponentially with nesting. A statement the simple parsing cannot read is read again the
     * complex way only when its parentheses nest this deep at most: {@value}.
     */
    static final int COMPLEX_PARSING_DEPTH = 6;

    private static Statements parse(String sql, boolean complex) throws JSQLParserException {
        CCJSqlParser parser = CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(complex)
                .withBackslashEscapeCharacter(false).withSquareBracketQuotation(false).withTimeOut(PARSE_TIMEOUT_MILLIS);
        return CCJSqlParserUtil.parseStatements(parser, PARSER);
    }

    /** Runs {@code work} on this thread with only the given layers; for tests. */
    static <T> T with(Layers layers, Supplier<T> work) {
        Layers before = LAYERS.get();
        LAYERS.set(layers);
        try {
            return work.get();
        } finally {
            LAYERS.set(before);
        }
    }

    static ConfigurationException refuse(String what) {
        return new ConfigurationException("refused: " + what);
    }

    private static String firstLine(Throwable e) {
        Throwable t = e.getCause() != null && e.getMessage() != null && e.getMessage().startsWith("net.sf") ? e.getCause() : e;
        String m = String.valueOf(t.getMessage()).strip();
        int nl = m.indexOf('\n');
        String line = (nl < 0 ? m : m.substring(0, nl)).strip();
        line = line.replaceFirst("^net\\.sf\\.jsqlparser\\.parser\\.(ParseException|TokenMgrException): ", "");
        return line.length() > 120 ? line.substring(0, 120) + "..." : line;
    }
}

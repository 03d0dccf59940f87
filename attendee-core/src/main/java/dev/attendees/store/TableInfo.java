package dev.attendees.store;

import java.util.List;

/**
 * A table of the store's schema, for code that writes SQL against it (the natural-language query
 * engine lists these in its prompt).
 *
 * <pre>{@code
 * for (TableInfo t : store.schema()) {
 *     System.out.println(t.name() + t.columns().stream().map(ColumnInfo::name).toList());
 * }
 * }</pre>
 *
 * @param name the table's name
 * @param columns its columns, in order
 */
public record TableInfo(String name, List<ColumnInfo> columns) {

    public TableInfo {
        columns = List.copyOf(columns);
    }

    /**
     * One column.
     *
     * @param name the column's name
     * @param type its declared SQL type, as the database reports it ({@code TEXT}, {@code INTEGER},
     *     {@code timestamp without time zone} ...)
     * @param nullable whether it may be {@code NULL}
     */
    public record ColumnInfo(String name, String type, boolean nullable) {}
}

package dev.attendees.sql.internal.guard;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.ArrayExpression;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.CollateExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.MySQLGroupConcat;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.RowConstructor;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TimezoneExpression;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.WindowDefinition;
import net.sf.jsqlparser.expression.WindowElement;
import net.sf.jsqlparser.expression.WindowOffset;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.BitwiseAnd;
import net.sf.jsqlparser.expression.operators.arithmetic.BitwiseLeftShift;
import net.sf.jsqlparser.expression.operators.arithmetic.BitwiseOr;
import net.sf.jsqlparser.expression.operators.arithmetic.BitwiseRightShift;
import net.sf.jsqlparser.expression.operators.arithmetic.BitwiseXor;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.IntegerDivision;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsDistinctExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NamedExpressionList;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.OldOracleJoinBinaryExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.expression.operators.relational.RegExpMatchOperator;
import net.sf.jsqlparser.expression.operators.relational.SimilarToExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Distinct;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Walks a parsed statement and refuses whatever is not on the {@link AllowList}. The walk is
 * closed by default: each kind of node it accepts is listed here with the parts it looks into, by
 * exact class, and any other kind of node is refused, so a construct the parser learns later (or a
 * part of a node this walk does not know) is refused rather than let through unseen.
 *
 * <p>A name in {@code FROM} is a table only when no {@code WITH} item in scope has that name. The
 * scopes are never wider than the databases': a {@code WITH} item sees the items before it (and
 * itself when recursive, or always on SQLite, which needs no {@code RECURSIVE}), the body sees all
 * of them, subqueries see the scopes around them; names compare as the database compares them
 * (PostgreSQL: unquoted in lower case, quoted exactly; SQLite: without regard to case).
 */
final class StatementCheck {

    /** Operators: two operands, nothing else to look into (but a LIKE's ESCAPE). */
    private static final Set<Class<?>> OPERATORS = Set.of(Addition.class, Subtraction.class, Multiplication.class,
            Division.class, IntegerDivision.class, Modulo.class, Concat.class, BitwiseAnd.class, BitwiseOr.class,
            BitwiseXor.class, BitwiseLeftShift.class, BitwiseRightShift.class, AndExpression.class, OrExpression.class,
            XorExpression.class, EqualsTo.class, NotEqualsTo.class, GreaterThan.class, GreaterThanEquals.class,
            MinorThan.class, MinorThanEquals.class, IsDistinctExpression.class, LikeExpression.class,
            SimilarToExpression.class, RegExpMatchOperator.class);

    private static final Set<Class<?>> LITERALS = Set.of(NullValue.class, LongValue.class, DoubleValue.class,
            StringValue.class, BooleanValue.class, DateTimeLiteralExpression.class);

    private final AllowList allow;
    private final Deque<Set<String>> scopes = new ArrayDeque<>();

    private StatementCheck(AllowList allow) {
        this.allow = allow;
    }

    static void check(Statement statement, AllowList allow) {
        if (!(statement instanceof Select select)) {
            throw SqlGuard.refuse(article(kind(statement)) + " statement; only SELECT and WITH ... SELECT are allowed");
        }
        new StatementCheck(allow).select(select);
    }

    // ---- selects -------------------------------------------------------------------------------

    private void select(Select s) {
        if (s.getForMode() != null || s.getForUpdateTable() != null || s.isSkipLocked() || s.isNoWait() || s.getWait() != null) {
            throw SqlGuard.refuse("a locking clause (FOR UPDATE, FOR SHARE ...)");
        }
        refuseIf(s.getIsolation() != null, "an isolation clause (WITH UR ...)");
        refuseIf(s.getForClause() != null, "a FOR XML/JSON clause");
        refuseIf(s.getLimitBy() != null, "LIMIT ... BY");
        refuseIf(s.isOracleSiblings(), "ORDER SIBLINGS BY");
        refuseIf(s.getPivot() != null || s.getUnPivot() != null, "PIVOT and UNPIVOT");
        Set<String> scope = new HashSet<>();
        scopes.push(scope);
        try {
            List<WithItem<?>> with = s.getWithItemsList();
            if (with != null) {
                for (WithItem<?> item : with) {
                    withItem(item, scope);
                }
            }
            if (s.getClass() == PlainSelect.class) {
                plain((PlainSelect) s);
            } else if (s.getClass() == SetOperationList.class) {
                for (Select part : ((SetOperationList) s).getSelects()) {
                    select(part);
                }
            } else if (s.getClass() == ParenthesedSelect.class || s.getClass() == LateralSubSelect.class) {
                ParenthesedSelect p = (ParenthesedSelect) s;
                refuseIf(p.getSampleClause() != null, "TABLESAMPLE");
                select(p.getSelect());
            } else if (s.getClass() == Values.class) {
                Values v = (Values) s;
                refuseIf(v.getSampleClause() != null, "TABLESAMPLE");
                expression(v.getExpressions());
            } else {
                throw SqlGuard.refuse(article(kind(s)) + "; only SELECT and WITH ... SELECT are allowed");
            }
            orderBy(s.getOrderByElements());
            limit(s.getLimit());
            if (s.getOffset() != null) {
                expression(s.getOffset().getOffset());
            }
            if (s.getFetch() != null) {
                expression(s.getFetch().getExpression());
            }
        } finally {
            scopes.pop();
        }
    }

    private void withItem(WithItem<?> item, Set<String> scope) {
        String name = name(item.getAlias().getName());
        if (!(item.getParenthesedStatement() instanceof ParenthesedSelect body)) {
            throw SqlGuard.refuse("the WITH item '" + plain(item.getAlias().getName()) + "' is "
                    + article(kind(item.getParenthesedStatement())) + ", not a SELECT");
        }
        if (item.isRecursive() || !allow.postgres) {
            scope.add(name);
        }
        if (item.getWithItemList() != null) {
            for (SelectItem<?> column : item.getWithItemList()) {
                selectItem(column);
            }
        }
        select(body);
        scope.add(name);
    }

    private void plain(PlainSelect p) {
        refuseIf(p.getIntoTables() != null && !p.getIntoTables().isEmpty() || p.getIntoTempTable() != null,
                "SELECT ... INTO (it writes a table)");
        refuseIf(p.getLateralViews() != null && !p.getLateralViews().isEmpty(), "LATERAL VIEW");
        refuseIf(p.getQualify() != null, "QUALIFY");
        refuseIf(p.getOptimizeFor() != null || p.getSkip() != null || p.getFirst() != null || p.getTop() != null,
                "TOP, FIRST, SKIP and OPTIMIZE FOR (use LIMIT)");
        refuseIf(p.getOracleHierarchical() != null, "CONNECT BY");
        refuseIf(p.getPreferringClause() != null, "PREFERRING");
        refuseIf(p.getOracleHint() != null || p.getMySqlHintStraightJoin() || p.getMySqlSqlCalcFoundRows()
                || p.getMySqlSqlCacheFlag() != null || p.getBigQuerySelectQualifier() != null, "query hints");
        refuseIf(p.getForXmlPath() != null || p.getKsqlWindow() != null || p.isEmitChanges() || p.isUsingFinal()
                || p.isUsingOnly() || p.isUseWithNoLog(), "a clause of another database");
        refuseIf(p.getSampleClause() != null, "TABLESAMPLE");
        Distinct distinct = p.getDistinct();
        if (distinct != null) {
            refuseIf(distinct.isUseUnique(), "SELECT UNIQUE");
            if (distinct.getOnSelectItems() != null) {
                for (SelectItem<?> item : distinct.getOnSelectItems()) {
                    selectItem(item);
                }
            }
        }
        for (SelectItem<?> item : p.getSelectItems()) {
            selectItem(item);
        }
        if (p.getFromItem() != null) {
            fromItem(p.getFromItem());
        }
        if (p.getJoins() != null) {
            for (Join join : p.getJoins()) {
                join(join);
            }
        }
        expression(p.getWhere());
        GroupByElement groupBy = p.getGroupBy();
        if (groupBy != null) {
            refuseIf(groupBy.isMysqlWithRollup(), "WITH ROLLUP");
            expression(groupBy.getGroupByExpressionList());
            if (groupBy.getGroupingSets() != null) {
                for (ExpressionList<?> set : groupBy.getGroupingSets()) {
                    expression(set);
                }
            }
        }
        expression(p.getHaving());
        if (p.getWindowDefinitions() != null) {
            for (WindowDefinition w : p.getWindowDefinitions()) {
                window(w);
            }
        }
    }

    private void selectItem(SelectItem<?> item) {
        expression(item.getExpression());
    }

    private void join(Join join) {
        refuseIf(join.isSemi() || join.isStraight() || join.isApply() || join.isGlobal() || join.isWindowJoin()
                || join.getJoinWindow() != null || join.getJoinHint() != null, "a join of another database (" + join + ")");
        fromItem(join.getFromItem());
        for (Expression on : join.getOnExpressions()) {
            expression(on);
        }
        if (join.getUsingColumns() != null) {
            for (Column c : join.getUsingColumns()) {
                column(c);
            }
        }
    }

    private void fromItem(FromItem item) {
        Class<?> k = item.getClass();
        if (k == Table.class) {
            table((Table) item);
        } else if (k == LateralSubSelect.class || k == ParenthesedSelect.class) {
            ParenthesedSelect p = (ParenthesedSelect) item;
            refuseIf(p.getPivot() != null || p.getUnPivot() != null, "PIVOT and UNPIVOT");
            select(p);
        } else if (k == ParenthesedFromItem.class) {
            ParenthesedFromItem p = (ParenthesedFromItem) item;
            refuseIf(p.getPivot() != null || p.getUnPivot() != null || p.getSampleClause() != null,
                    "PIVOT, UNPIVOT and TABLESAMPLE");
            fromItem(p.getFromItem());
            if (p.getJoins() != null) {
                for (Join join : p.getJoins()) {
                    join(join);
                }
            }
        } else if (k == TableFunction.class) {
            TableFunction t = (TableFunction) item;
            refuseIf(t.getPivot() != null || t.getUnPivot() != null || t.getSampleClause() != null,
                    "PIVOT, UNPIVOT and TABLESAMPLE");
            refuseIf(t.getWithClause() != null && !t.getWithClause().equalsIgnoreCase("ORDINALITY"),
                    "WITH " + t.getWithClause());
            Function f = t.getFunction();
            String name = functionName(f);
            if (!allow.tableFunction(name)) {
                throw SqlGuard.refuse("the table function '" + name + "' (in FROM only " + tableFunctions() + " are allowed on "
                        + allow.database() + ")");
            }
            functionParts(f);
        } else if (k == Values.class) {
            select((Values) item);
        } else {
            throw SqlGuard.refuse(article(kind(item)) + " in FROM");
        }
    }

    private String tableFunctions() {
        return allow.postgres ? "unnest, generate_series and regexp_split_to_table" : "json_each and json_tree";
    }

    private void table(Table t) {
        refuseIf(t.getPivot() != null || t.getUnPivot() != null || t.getSampleClause() != null || t.getIndexHint() != null
                || t.getSqlServerHints() != null, "PIVOT, UNPIVOT, TABLESAMPLE and index hints");
        if (qualified(t)) {
            throw SqlGuard.refuse("the table '" + plain(t.getFullyQualifiedName()) + "' names a schema or database;"
                    + " write the table's name alone");
        }
        String name = name(t.getName());
        for (Set<String> scope : scopes) {
            if (scope.contains(name)) {
                return;
            }
        }
        if (!allow.table(name)) {
            throw SqlGuard.refuse("table '" + plain(t.getName()) + "' is not one of " + String.join(", ", AllowList.TABLES));
        }
    }

    private void orderBy(List<OrderByElement> elements) {
        if (elements != null) {
            for (OrderByElement e : elements) {
                refuseIf(e.isMysqlWithRollup(), "WITH ROLLUP");
                expression(e.getExpression());
            }
        }
    }

    private void limit(Limit limit) {
        if (limit != null) {
            refuseIf(limit.getByExpressions() != null, "LIMIT ... BY");
            expression(limit.getRowCount());
            expression(limit.getOffset());
        }
    }

    private void window(WindowDefinition w) {
        if (w.getPartitionExpressionList() != null) {
            expression(w.getPartitionExpressionList());
        }
        orderBy(w.getOrderByElements());
        windowElement(w.getWindowElement());
    }

    private void windowElement(WindowElement e) {
        if (e != null) {
            windowOffset(e.getOffset());
            if (e.getRange() != null) {
                windowOffset(e.getRange().getStart());
                windowOffset(e.getRange().getEnd());
            }
        }
    }

    private void windowOffset(WindowOffset o) {
        if (o != null) {
            expression(o.getExpression());
        }
    }

    // ---- expressions ---------------------------------------------------------------------------

    private void expression(Expression e) {
        if (e == null) {
            return;
        }
        Class<?> k = e.getClass();
        if (LITERALS.contains(k)) {
            refuseIf(e instanceof StringValue s && s.getPrefix() != null, "a prefixed text (" + e + ")");
        } else if (k == TimeKeyExpression.class) {
            String key = ((TimeKeyExpression) e).getStringValue().toLowerCase(Locale.ROOT);
            refuseIf(!AllowList.TIME_KEYS.contains(key), "'" + key + "'");
        } else if (k == Column.class) {
            column((Column) e);
        } else if (OPERATORS.contains(k)) {
            BinaryExpression b = (BinaryExpression) e;
            refuseIf(b instanceof OldOracleJoinBinaryExpression o && o.getOldOracleJoinSyntax() != 0, "Oracle's (+) joins");
            expression(b.getLeftExpression());
            expression(b.getRightExpression());
            if (b instanceof LikeExpression like) {
                expression(like.getEscape());
            }
        } else if (k == ExpressionList.class || k == ParenthesedExpressionList.class || k == RowConstructor.class) {
            for (Expression item : (ExpressionList<?>) e) {
                expression(item);
            }
        } else if (k == NamedExpressionList.class) {
            for (Expression item : (NamedExpressionList<?>) e) {
                expression(item);
            }
        } else if (k == Function.class) {
            function((Function) e);
        } else if (k == MySQLGroupConcat.class && !allow.postgres) {
            // SQLite's group_concat(DISTINCT x), which JSqlParser reads as MySQL's GROUP_CONCAT.
            MySQLGroupConcat g = (MySQLGroupConcat) e;
            expression(g.getExpressionList());
            orderBy(g.getOrderByElements());
        } else if (k == AnalyticExpression.class) {
            analytic((AnalyticExpression) e);
        } else if (k == CastExpression.class) {
            cast((CastExpression) e);
        } else if (k == CaseExpression.class) {
            CaseExpression c = (CaseExpression) e;
            expression(c.getSwitchExpression());
            for (WhenClause when : c.getWhenClauses()) {
                expression(when);
            }
            expression(c.getElseExpression());
        } else if (k == WhenClause.class) {
            expression(((WhenClause) e).getWhenExpression());
            expression(((WhenClause) e).getThenExpression());
        } else if (k == InExpression.class) {
            InExpression in = (InExpression) e;
            refuseIf(in.isGlobal() || in.getOldOracleJoinSyntax() != 0, "GLOBAL IN and Oracle's (+) joins");
            expression(in.getLeftExpression());
            expression(in.getRightExpression());
        } else if (k == ExistsExpression.class) {
            expression(((ExistsExpression) e).getRightExpression());
        } else if (k == Between.class) {
            Between b = (Between) e;
            expression(b.getLeftExpression());
            expression(b.getBetweenExpressionStart());
            expression(b.getBetweenExpressionEnd());
        } else if (k == IsNullExpression.class) {
            expression(((IsNullExpression) e).getLeftExpression());
        } else if (k == IsBooleanExpression.class) {
            expression(((IsBooleanExpression) e).getLeftExpression());
        } else if (k == NotExpression.class) {
            expression(((NotExpression) e).getExpression());
        } else if (k == SignedExpression.class) {
            expression(((SignedExpression) e).getExpression());
        } else if (k == ExtractExpression.class) {
            expression(((ExtractExpression) e).getExpression());
        } else if (k == TrimFunction.class) {
            expression(((TrimFunction) e).getExpression());
            expression(((TrimFunction) e).getFromExpression());
        } else if (k == IntervalExpression.class) {
            expression(((IntervalExpression) e).getExpression());
        } else if (k == CollateExpression.class) {
            CollateExpression c = (CollateExpression) e;
            String collation = plain(c.getCollate()).toLowerCase(Locale.ROOT);
            refuseIf(!allow.collation(collation), "the collation '" + collation + "'");
            expression(c.getLeftExpression());
        } else if (k == ArrayExpression.class) {
            ArrayExpression a = (ArrayExpression) e;
            expression(a.getObjExpression());
            expression(a.getIndexExpression());
            expression(a.getStartIndexExpression());
            expression(a.getStopIndexExpression());
        } else if (k == ArrayConstructor.class) {
            expression(((ArrayConstructor) e).getExpressions());
        } else if (k == TimezoneExpression.class) {
            expression(((TimezoneExpression) e).getLeftExpression());
            for (Expression zone : ((TimezoneExpression) e).getTimezoneExpressions()) {
                expression(zone);
            }
        } else if (k == AllColumns.class) {
            AllColumns all = (AllColumns) e;
            refuseIf(all.getExceptColumns() != null || all.getReplaceExpressions() != null, "* EXCEPT and * REPLACE");
        } else if (k == AllTableColumns.class) {
            Table t = ((AllTableColumns) e).getTable();
            refuseIf(qualified(t), "'" + plain(t.getFullyQualifiedName()) + ".*' names a schema");
        } else if (e instanceof Select s && (k == ParenthesedSelect.class || k == PlainSelect.class
                || k == SetOperationList.class || k == Values.class)) {
            select(s);
        } else {
            throw SqlGuard.refuse("the expression " + abbreviate(e.toString()) + " (" + kind(e) + ")");
        }
    }

    private void column(Column c) {
        Table t = c.getTable();
        if (t != null && qualified(t)) {
            throw SqlGuard.refuse("the column '" + plain(c.getFullyQualifiedName()) + "' names a schema or database");
        }
        refuseIf(c.getArrayConstructor() != null, "the column " + c + " with an array");
        String name = c.getColumnName();
        if (t == null && !name.startsWith("\"") && AllowList.SESSION_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            throw SqlGuard.refuse("'" + name + "' (it reads the session, not the attendees)");
        }
    }

    private void function(Function f) {
        String name = functionName(f);
        if (!allow.function(name)) {
            throw SqlGuard.refuse("function '" + name + "' is not one of the functions allowed on " + allow.database()
                    + " (aggregates, window functions, text, number, date and time functions)");
        }
        functionParts(f);
    }

    private String functionName(Function f) {
        List<String> parts = f.getMultipartName();
        if (parts.size() > 1) {
            throw SqlGuard.refuse("function '" + plain(String.join(".", parts)) + "' names a schema");
        }
        return name(parts.get(0));
    }

    private void functionParts(Function f) {
        refuseIf(f.getAttribute() != null || f.getAttributeColumn() != null, "a function's attribute (" + abbreviate(f.toString()) + ")");
        refuseIf(f.getKeep() != null || f.getHavingClause() != null || f.getLimit() != null || f.getOnOverflowTruncate() != null
                || f.isEscaped() || f.isUnique() || f.getExtraKeyword() != null,
                "a function clause of another database (" + abbreviate(f.toString()) + ")");
        expression(f.getParameters());
        expression(f.getNamedParameters());
        orderBy(f.getOrderByElements());
    }

    private void analytic(AnalyticExpression a) {
        String name = name(a.getName());
        if (!allow.function(name)) {
            throw SqlGuard.refuse("function '" + name + "' is not one of the functions allowed on " + allow.database()
                    + " (aggregates, window functions, text, number, date and time functions)");
        }
        refuseIf(a.getKeep() != null || a.getHavingClause() != null || a.getLimit() != null || a.getOnOverflowTruncate() != null
                || a.isUnique(), "a window clause of another database (" + abbreviate(a.toString()) + ")");
        expression(a.getExpression());
        expression(a.getOffset());
        expression(a.getDefaultValue());
        expression(a.getFilterExpression());
        orderBy(a.getFuncOrderBy());
        expression(a.getPartitionExpressionList());
        orderBy(a.getOrderByElements());
        windowElement(a.getWindowElement());
    }

    private void cast(CastExpression c) {
        refuseIf(c.getColumnDefinitions() != null && !c.getColumnDefinitions().isEmpty() || c.getFormat() != null,
                "a cast of another database (" + abbreviate(c.toString()) + ")");
        refuseIf(c.keyword != null && !c.keyword.equalsIgnoreCase("CAST"), c.keyword);
        ColDataType type = c.getColDataType();
        String name = type.getDataType().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        if (!allow.type(name) || type.getCharacterSet() != null) {
            throw SqlGuard.refuse("a cast to '" + name + "' (casts may go to numbers, texts, dates, times,"
                    + " intervals and booleans)");
        }
        expression(c.getLeftExpression());
    }

    // ---- names ---------------------------------------------------------------------------------

    /** A name as the database compares it: PostgreSQL folds unquoted names to lower case, SQLite ignores case. */
    private String name(String written) {
        boolean quoted = written.length() > 1 && written.startsWith("\"") && written.endsWith("\"");
        String inner = quoted ? written.substring(1, written.length() - 1) : written;
        return quoted && allow.postgres ? inner : inner.toLowerCase(Locale.ROOT);
    }

    /** Whether a table's name has a schema, database or server before it (quoted names hold no dots). */
    private static boolean qualified(Table t) {
        return t.getFullyQualifiedName().contains(".");
    }

    private static String plain(String written) {
        return written.replace("\"", "");
    }

    private static void refuseIf(boolean refused, String what) {
        if (refused) {
            throw SqlGuard.refuse(what);
        }
    }

    /** A node's kind for a message: {@code Delete} as {@code DELETE}, {@code CreateTable} as {@code CREATE TABLE}. */
    static String kind(Object node) {
        if (node == null) {
            return "statement of an unknown kind";
        }
        String simple = node.getClass().getSimpleName().replace("Parenthesed", "");
        return simple.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }

    private static String article(String kind) {
        return ("AEIOU".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
    }

    private static String abbreviate(String text) {
        String s = text.strip().replaceAll("\\s+", " ");
        return "'" + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + "'";
    }
}

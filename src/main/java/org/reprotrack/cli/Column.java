package org.reprotrack.cli;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One column of a listing.
 *
 * @param name the header, also the JSON key
 * @param width the table width in characters (longer values are cut with an ellipsis)
 * @param value the cell of a row: a String, Number, Boolean or null
 */
record Column<T>(String name, int width, Function<T, @Nullable Object> value) {
}
